/**
 * Child processes of the install check: commands whose output is kept for when they fail, and
 * Strapi servers started in their own process group so that stopping one (or tearing down after a
 * failure) ends everything it started.
 */
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Every process group still running, so that teardown can end them whatever went wrong. */
const running = new Set();
/** Set by teardown: from then on nothing new starts (an interrupted run must not start its next step). */
let stopping = false;
const refuseWhenStopping = () => {
  if (stopping) throw new Error('stopping: nothing new is started');
};

/** The last part of a long output, which is where a failure explains itself. @param {string} text */
export const tail = (text, chars = 6000) => (text.length > chars ? `…${text.slice(-chars)}` : text);

/**
 * Runs a command to completion and resolves with its output (stdout and stderr together); rejects
 * with the end of that output. With `log`, the output is appended to that file as it comes.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, log?: string }} options
 * @returns {Promise<string>}
 */
export const capture = (command, args, { cwd, env = process.env, log }) =>
  new Promise((resolve, reject) => {
    refuseWhenStopping();
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
      output += chunk;
      if (log) appendFileSync(log, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail(output)}`));
    });
  });

/** A port nothing listens on right now. @returns {Promise<number>} */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/**
 * `strapi start` in the app folder, resolved once `/_health` answers; `ms` is how long that took.
 * @param {{ appDir: string, env: NodeJS.ProcessEnv, port: number, log: string }} options
 */
export const startStrapi = async ({ appDir, env, port, log }) => {
  refuseWhenStopping();
  const started = performance.now();
  const child = spawn(process.execPath, ['node_modules/@strapi/strapi/bin/strapi.js', 'start'], {
    cwd: appDir,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  /** @param {Buffer} chunk */
  const collect = (chunk) => appendFileSync(log, chunk);
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    })
  );
  const url = `http://127.0.0.1:${port}`;
  const server = { url, child, exited, ms: 0 };
  const deadline = Date.now() + 180_000;
  let exit = null;
  exited.then((result) => (exit = result));
  while (!exit) {
    if (Date.now() > deadline) {
      await stopStrapi(server);
      throw new Error(`Strapi did not answer /_health within 180 s (its log ends below)`);
    }
    try {
      const response = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === 204) {
        server.ms = performance.now() - started;
        return server;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { code, signal } = /** @type {{ code: number | null, signal: NodeJS.Signals | null }} */ (exit);
  throw new Error(`Strapi exited before it answered (${signal ?? `exit ${code}`}; its log ends below)`);
};

/** @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal */
const signalGroup = (child, signal) => {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
};

/**
 * Stops a server as a process manager would (SIGTERM, then SIGKILL after 20 s) and waits for it.
 * @param {{ child: import('node:child_process').ChildProcess, exited: Promise<unknown> }} server
 */
export const stopStrapi = async ({ child, exited }) => {
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
};

/** Ends every process group this check started and has not seen end. */
export const killAll = async () => {
  stopping = true;
  const children = [...running];
  for (const child of children) signalGroup(child, 'SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, children.length ? 1500 : 0));
  for (const child of running) signalGroup(child, 'SIGKILL');
};
