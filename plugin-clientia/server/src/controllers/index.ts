import branding from './branding';
import brandingSettings from './branding-settings';
import clients from './clients';
import overview from './overview';
import portalMe from './portal-me';
import threads from './threads';

export default {
  branding,
  'branding-settings': brandingSettings,
  clients,
  overview,
  'portal-me': portalMe,
  threads,
};
