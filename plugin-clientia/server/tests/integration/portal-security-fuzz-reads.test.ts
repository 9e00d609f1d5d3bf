import { describePortalFuzz } from '../helpers/portal-fuzz';
import { isWrite, PORTAL_ROUTES } from '../helpers/portal-probes';

describePortalFuzz('portal fuzzing: reads', PORTAL_ROUTES.filter((spec) => !isWrite(spec)));
