/**
 * Follows a Dockerfile without a Docker engine: each stage is a folder standing for the image's
 * `/`, COPY copies from the build context (minus .dockerignore) or from an earlier stage's
 * folder, RUN runs in the stage's WORKDIR with its ENV, and absolute paths under the Dockerfile's
 * WORKDIRs point into the stage's folder. What it cannot follow is the base image: packages the
 * Dockerfile installs with apt-get are this machine's, and ownership (`--chown`, `chown`) is
 * Docker's business, not the files'.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { capture } from '../plugin-install/processes.mjs';
import { copyPaths, dockerignore, healthCommand, parseDockerfile, parseEnv } from './dockerfile.mjs';

/**
 * @typedef {import('./dockerfile.mjs').Stage} Stage
 * @typedef {{ root: string, workdir: string, env: Record<string, string>, cmd?: string[], health?: string }} BuiltStage
 */

/** Copies `from` to `to` (file or folder), leaving out what `skip` says. @param {string} from @param {string} to @param {(absolute: string) => boolean} skip */
const copyInto = (from, to, skip) => {
  if (!existsSync(from)) throw new Error(`COPY: ${from} does not exist`);
  cpSync(from, to, { recursive: true, force: true, verbatimSymlinks: true, filter: (source) => !skip(source) });
};

/** The Dockerfile's command with its absolute WORKDIR paths moved into the stage's folder. @param {string} command @param {string[]} roots @param {string} stageRoot */
const relocate = (command, roots, stageRoot) =>
  roots.reduce((text, root) => text.replace(new RegExp(`(^|[\\s=:'"(])${root.replace(/[/.]/g, '\\$&')}(?=/|[\\s'")]|$)`, 'g'), `$1${stageRoot}${root}`), command);

/**
 * @param {{ dockerfile: string, context: string, work: string, env: NodeJS.ProcessEnv, log: string }} options
 * @returns {Promise<BuiltStage>} the last stage, ready to start
 */
export const buildImage = async ({ dockerfile, context, work, env, log }) => {
  const stages = parseDockerfile(readFileSync(dockerfile, 'utf8'));
  const ignorePath = path.join(context, '.dockerignore');
  const ignoreLines = existsSync(ignorePath) ? readFileSync(ignorePath, 'utf8').split('\n') : [];
  const ignored = dockerignore(ignoreLines);
  const reincluded = ignoreLines.filter((line) => line.trim().startsWith('!')).map((line) => line.trim().slice(1));
  /** Context paths COPY leaves out; a left-out folder is still entered when a `!` line takes part of it back. @param {string} absolute */
  const skipInContext = (absolute) => {
    const relative = path.relative(context, absolute).split(path.sep).join('/');
    if (!relative || !ignored(relative)) return false;
    const isDir = statSync(absolute).isDirectory();
    return !(isDir && reincluded.some((glob) => glob.startsWith(`${relative}/`)));
  };
  const workdirRoots = [...new Set(stages.flatMap((stage) => stage.instructions.filter((i) => i.op === 'WORKDIR').map((i) => `/${i.value.split('/')[1]}`)))];

  // The user the images run as does not exist here; ownership is not what this check is about.
  const shims = path.join(work, 'shims');
  mkdirSync(shims, { recursive: true });
  writeFileSync(path.join(shims, 'chown'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(shims, 'chown'), 0o755);

  /** @type {Map<string, BuiltStage>} */
  const built = new Map();
  /** @type {BuiltStage | undefined} */
  let last;
  for (const stage of stages) {
    const root = path.join(work, `stage-${stage.name}`);
    mkdirSync(root, { recursive: true });
    /** @type {BuiltStage} */
    const current = { root, workdir: '/', env: {} };
    const inStage = (/** @type {string} */ target) => path.join(root, path.posix.resolve(current.workdir, target));
    for (const { op, value, flags } of stage.instructions) {
      if (op === 'WORKDIR') {
        current.workdir = path.posix.resolve(current.workdir, value);
        mkdirSync(inStage('.'), { recursive: true });
      } else if (op === 'ENV') {
        Object.assign(current.env, parseEnv(value));
      } else if (op === 'COPY') {
        const { sources, destination } = copyPaths(value);
        const from = flags.from ? built.get(flags.from) : undefined;
        if (flags.from && !from) throw new Error(`COPY --from=${flags.from}: no such stage before ${stage.name}`);
        for (const source of sources) {
          const origin = from ? path.join(from.root, path.posix.resolve(from.workdir, source)) : path.join(context, source);
          const target = destination.endsWith('/') || sources.length > 1 ? path.join(inStage(destination), path.basename(source)) : inStage(destination);
          copyInto(origin, target, from ? () => false : skipInContext);
        }
      } else if (op === 'RUN') {
        // Base-image packages: this machine has its own (checked by the caller).
        if (/^apt-get\b/.test(value)) continue;
        await capture('bash', ['-euo', 'pipefail', '-c', relocate(value, workdirRoots, root)], {
          cwd: inStage('.'),
          env: { ...env, ...current.env, PATH: `${shims}:${env.PATH}` },
          log,
        });
      } else if (op === 'CMD') {
        current.cmd = /** @type {string[]} */ (JSON.parse(value)).map((part) => relocate(part, workdirRoots, root));
      } else if (op === 'HEALTHCHECK') {
        current.health = relocate(healthCommand(value), workdirRoots, root);
      }
    }
    built.set(stage.name, current);
    last = current;
  }
  if (!last?.cmd) throw new Error(`${dockerfile} has no CMD in its last stage`);
  return last;
};

/** Megabytes under a folder, counted from file sizes. @param {string} dir */
export const sizeMb = (dir) => {
  let bytes = 0;
  const folders = [dir];
  while (folders.length) {
    const folder = /** @type {string} */ (folders.pop());
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile()) bytes += statSync(full).size;
    }
  }
  return Math.round(bytes / 1024 / 1024);
};
