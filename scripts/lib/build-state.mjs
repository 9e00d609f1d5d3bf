import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.cache', '.tmp', '.astro', 'build', '.strapi', 'coverage']);

/** Newest modification time of the files under the given paths (folders walked, build output skipped). */
export const newestMtime = (paths) => {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) if (!SKIP.has(entry)) visit(path.join(p, entry));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  };
  paths.forEach(visit);
  return newest;
};

/** True when the output is missing or older than any of its inputs. */
export const isStale = (output, inputs) =>
  !existsSync(output) || statSync(output).mtimeMs < newestMtime(inputs);

/** What each build produces and what it is made from, relative to the repository root. */
export const BUILDS = {
  plugin: {
    output: 'plugin-clientia/dist/server/index.js',
    inputs: ['plugin-clientia/server/src', 'plugin-clientia/admin/src', 'plugin-clientia/shared', 'plugin-clientia/package.json'],
  },
  strapi: {
    output: 'strapi/dist/build/index.html',
    inputs: ['strapi/src', 'strapi/config', 'strapi/package.json', 'strapi/tsconfig.json', 'plugin-clientia/dist'],
  },
  portal: {
    output: 'portal-site/dist/server/entry.mjs',
    inputs: ['portal-site/src', 'portal-site/public', 'portal-site/astro.config.mjs', 'portal-site/package.json', 'plugin-clientia/shared'],
  },
};

/** @param {string} root @param {keyof typeof BUILDS} name */
export const buildIsStale = (root, name) =>
  isStale(path.join(root, BUILDS[name].output), BUILDS[name].inputs.map((input) => path.join(root, input)));
