import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Strapi's multipart parser (formidable) writes every uploaded file to the system's temporary
 * directory under a 25-character id. Other processes share that directory, so a test tells its own
 * files apart by content: every file it uploads carries this run's marker (`marked`), and
 * `leftoverUploads` lists the parser's files that hold it.
 */
const MARKER = Buffer.from(`\nclientia-test-upload-${randomBytes(12).toString('hex')}\n`);
const PARSER_FILE = /^[a-z0-9]{25}$/;

/** The bytes with this run's marker after them: what the file's type is recognised by stays in front. */
export const marked = (bytes: Buffer) => Buffer.concat([bytes, MARKER]);

export const leftoverUploads = () =>
  readdirSync(os.tmpdir())
    .filter((name) => PARSER_FILE.test(name))
    .map((name) => path.join(os.tmpdir(), name))
    .filter((file) => {
      try {
        return statSync(file).isFile() && readFileSync(file).includes(MARKER);
      } catch {
        // Another process's file, removed while we looked.
        return false;
      }
    });

export const removeLeftoverUploads = () => {
  for (const file of leftoverUploads()) rmSync(file, { force: true });
};
