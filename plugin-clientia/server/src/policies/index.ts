import portal from './portal';

export default {
  portal,
};
