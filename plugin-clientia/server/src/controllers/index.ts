import branding from './branding';
import overview from './overview';

export default {
  branding,
  overview,
};
