/**
 * The plugin as a firm receives it: built when stale, checked with `strapi-plugin verify`, packed
 * with `npm pack`, and the same package once more under the next patch version to stand in for an
 * upgrade. Nothing here writes into the repository besides the plugin build itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { buildIsStale } from '../lib/build-state.mjs';
import { capture } from './processes.mjs';

// The plugin build and anything reading its output take this lock, so a build running in
// another terminal never leaves a half-written dist/ in the package.
const BUILD_LOCK = '/tmp/plugin-build.lock';

/** Install-time scripts npm would run in the firm's app; the check installs with --ignore-scripts, so there must be none. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

/** Files the app cannot load the plugin without (the package.json exports point at them). */
const REQUIRED_FILES = ['package.json', 'dist/server/index.js', 'dist/server/index.mjs', 'dist/admin/index.js', 'dist/admin/index.mjs'];

/** The message catalogues the emails and PDFs are written from, every language the repository has: read at run time, not bundled. @param {string} root */
const catalogueFiles = (root) => {
  const catalogues = path.join(root, 'plugin-clientia', 'server', 'catalogues');
  return readdirSync(catalogues, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(path.join(catalogues, entry.name)).map((file) => `server/catalogues/${entry.name}/${file}`));
};

/** @param {string} version `x.y.z` */
export const nextPatch = (version) => {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`cannot bump the version "${version}" (expected x.y.z)`);
  return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
};

/** @param {string} root */
export const buildPluginIfStale = async (root) => {
  if (!buildIsStale(root, 'plugin')) return false;
  await capture('flock', [BUILD_LOCK, 'npm', 'run', 'build:plugin'], { cwd: root });
  return true;
};

/** `strapi-plugin verify` in the plugin folder; rejects with its output when it fails. @param {string} root */
export const verifyPlugin = (root) =>
  capture('flock', [BUILD_LOCK, 'npx', '--no-install', 'strapi-plugin', 'verify'], { cwd: path.join(root, 'plugin-clientia') });

/**
 * `npm pack` of plugin-clientia into `destination`, and what the tarball holds.
 * @param {string} root
 * @param {string} destination
 */
export const packPlugin = async (root, destination) => {
  mkdirSync(destination, { recursive: true });
  const output = await capture('flock', [BUILD_LOCK, 'npm', 'pack', '--json', '--pack-destination', destination], {
    cwd: path.join(root, 'plugin-clientia'),
  });
  /** @type {{ name: string, version: string, filename: string, size: number, entryCount: number, files: { path: string }[] }[]} */
  const [packed] = JSON.parse(output.slice(output.indexOf('[')));
  const files = new Set(packed.files.map((file) => file.path));
  const missing = [...REQUIRED_FILES, ...catalogueFiles(root)].filter((file) => !files.has(file));
  if (missing.length) throw new Error(`the packed plugin lacks ${missing.join(', ')}`);
  const tarball = path.join(destination, path.basename(packed.filename));
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  const scripts = INSTALL_SCRIPTS.filter((name) => manifest.scripts?.[name]);
  if (scripts.length) throw new Error(`the packed plugin has install scripts (${scripts.join(', ')}), which this check does not run`);
  return { tarball, name: packed.name, version: packed.version, size: packed.size, entryCount: packed.entryCount };
};

/**
 * The same package under the next patch version, made in `workDir` from the packed tarball (the
 * repository's package.json is never touched): what a firm's upgrade installs.
 * @param {string} tarball
 * @param {string} workDir
 */
export const repackAsNextVersion = (tarball, workDir) => {
  const unpacked = path.join(workDir, 'unpacked');
  mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  const manifestPath = path.join(unpacked, 'package', 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.version = nextPatch(manifest.version);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const next = path.join(workDir, `${manifest.name}-${manifest.version}.tgz`);
  execFileSync('tar', ['-czf', next, '-C', unpacked, 'package']);
  return { tarball: next, version: /** @type {string} */ (manifest.version) };
};
