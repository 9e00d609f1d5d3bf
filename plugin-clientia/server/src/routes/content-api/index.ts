import { toPublicStrapiRoute, toStrapiRoute } from '../../portal/route-spec';
import { PORTAL_ROUTES } from './portal';
import { PUBLIC_ROUTES } from './public';

export default () => ({
  type: 'content-api',
  routes: [...PUBLIC_ROUTES.map(toPublicStrapiRoute), ...PORTAL_ROUTES.map(toStrapiRoute)],
});
