import { toStrapiRoute } from '../../portal/route-spec';
import { PORTAL_ROUTES } from './portal';

export default () => ({
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/branding',
      handler: 'branding.find',
      config: {
        // Public on purpose: the sign-in page shows the firm's brand before anyone signs in.
        auth: false,
        policies: [],
      },
    },
    ...PORTAL_ROUTES.map(toStrapiRoute),
  ],
});
