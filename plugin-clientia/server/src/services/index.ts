import branding from './branding';
import brandingSettings from './branding-settings';
import clients from './clients';
import contactSecurity from './contact-security';
import invitations from './invitations';
import overview from './overview';
import signing from './signing';
import system from './system';
import threads from './threads';

export default {
  branding,
  'branding-settings': brandingSettings,
  clients,
  'contact-security': contactSecurity,
  invitations,
  overview,
  signing,
  system,
  threads,
};
