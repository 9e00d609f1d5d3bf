import branding from './branding';
import client from './client';
import membership from './membership';

export default {
  client,
  membership,
  branding,
};
