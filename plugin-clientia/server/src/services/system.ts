import { asSystem } from '../audit/actor';

/**
 * Writes the server makes on its own behalf (the signing flow, billing jobs, the demo seed) run
 * through this service, so they reach records no caller may write (signature events) and keep
 * server-owned fields.
 */
const system = () => ({
  run: asSystem,
});

export default system;
