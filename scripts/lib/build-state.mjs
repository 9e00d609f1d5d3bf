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
