import { describePortalFuzz } from '../helpers/portal-fuzz';
import { isWrite, PORTAL_ROUTES } from '../helpers/portal-probes';

describePortalFuzz('portal fuzzing: writes', PORTAL_ROUTES.filter(isWrite));
