import portal from './portal';
import staffAccess from './staff-access';

export default {
  portal,
  'staff-access': staffAccess,
};
