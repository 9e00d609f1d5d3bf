import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { TestApp } from './test-app';

/** Every file under a folder, at any depth. */
export const filesUnder = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
    : [];

/**
 * The app's public files that hold these bytes. Test files run side by side share the app's public
 * folder, so a test looks for what its own request wrote, not for a folder left unchanged.
 */
export const publicFilesHolding = (app: TestApp, bytes: Buffer) =>
  filesUnder(app.strapi.dirs.static.public).filter((file) => {
    try {
      return readFileSync(file).includes(bytes);
    } catch {
      // Removed by another test file while we looked.
      return false;
    }
  });
