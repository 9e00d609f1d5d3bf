/**
 * Starting the whole product the way the README does (`npm start`), on free ports with a
 * throwaway database, for end-to-end tests.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..', '..');

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });

/**
 * @param {{ strapiPort: number, portalPort: number, env?: Record<string, string>, netLog: string }} options
 */
export const startProduct = ({ strapiPort, portalPort, env = {}, netLog }) => {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      STRAPI_PORT: String(strapiPort),
      PORTAL_PORT: String(portalPort),
      DATABASE_URL: '',
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${path.join(import.meta.dirname, '..', 'net-guard.cjs')}`].filter(Boolean).join(' '),
      CLIENTIA_NET_LOG: netLog,
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const ready = /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('Clientia is running')) {
          clearInterval(timer);
          resolve();
        }
      }, 200);
      exited.then(({ code, signal }) => {
        clearInterval(timer);
        reject(new Error(`npm start exited early (${signal ?? code}):\n${output.slice(-4000)}`));
      });
      setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`npm start was not ready within 8 minutes:\n${output.slice(-4000)}`));
      }, 8 * 60_000).unref();
    })
  );
  return { child, ready, exited, output: () => output };
};

/** Ctrl-C as a terminal sends it: SIGINT to the whole process group. */
export const ctrlC = async (product) => {
  try {
    process.kill(-product.child.pid, 'SIGINT');
  } catch {
    return { code: 0 };
  }
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('still running 20 s after Ctrl-C')), 20_000).unref());
  return Promise.race([product.exited, timeout]);
};
