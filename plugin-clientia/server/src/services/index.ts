import branding from './branding';
import overview from './overview';
import system from './system';

export default {
  branding,
  overview,
  system,
};
