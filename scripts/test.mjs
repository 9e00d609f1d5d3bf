#!/usr/bin/env node
/**
 * `npm test`: every unit and integration test.
 *   - builds the plugin when stale and compiles the Strapi app once (integration tests boot it);
 *   - Jest: plugin and app unit tests, then the integration suite on a throwaway SQLite file per
 *     test file, or on a throwaway PostgreSQL or MySQL/MariaDB database per file when DATABASE_URL
 *     is set;
 *   - node:test for the scripts, Vitest for the portal.
 * `--integration` runs only the integration suite (CI uses it for the PostgreSQL and MariaDB passes).
 */
import path from 'node:path';

import { buildIsStale } from './lib/build-state.mjs';
import { run } from './lib/run.mjs';

const root = path.resolve(import.meta.dirname, '..');
const at = (...parts) => path.join(root, ...parts);
const onlyIntegration = process.argv.includes('--integration');
const env = {
  ...process.env,
  STRAPI_TELEMETRY_DISABLED: 'true',
  ASTRO_TELEMETRY_DISABLED: '1',
  ASTRO_DISABLE_UPDATE_CHECK: 'true',
};

const results = [];
const stage = async (label, fn) => {
  const started = Date.now();
  console.log(`\n▸ ${label}`);
  try {
    await fn();
    results.push({ label, ok: true, seconds: (Date.now() - started) / 1000 });
  } catch (error) {
    results.push({ label, ok: false, seconds: (Date.now() - started) / 1000 });
    console.error(`✗ ${label}: ${error instanceof Error ? error.message : error}`);
  }
};

if (buildIsStale(root, 'plugin')) {
  await stage('build the plugin', () => run('npm', ['run', 'build', '-w', 'plugin-clientia'], { cwd: root, env }));
}
// compileStrapi exits the process on a TypeScript error; doing it here, outside Jest, shows why.
await stage('compile the Strapi app', () =>
  run(process.execPath, ['-e', `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(at('strapi'))} }).then(() => process.exit(0))`], { cwd: at('strapi'), env })
);

const jest = at('node_modules', 'jest', 'bin', 'jest.js');
const scheme = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).protocol : '';
const database = { 'postgres:': 'PostgreSQL', 'postgresql:': 'PostgreSQL', 'mysql:': 'MySQL/MariaDB', 'mariadb:': 'MySQL/MariaDB' }[scheme] ?? 'SQLite';
if (!results.some((r) => !r.ok)) {
  if (!onlyIntegration) {
    await stage('unit tests (Jest)', () => run(process.execPath, [jest, '--selectProjects', 'unit'], { cwd: root, env }));
    await stage('admin panel component tests (Jest, jsdom)', () => run(process.execPath, [jest, '--selectProjects', 'admin'], { cwd: root, env }));
    await stage('script tests (node:test)', () => run(process.execPath, ['--test', 'scripts/tests/**/*.test.mjs'], { cwd: root, env }));
    await stage('portal unit tests (Vitest)', () => run(at('node_modules', '.bin', 'vitest'), ['run'], { cwd: at('portal-site'), env }));
  }
  await stage(`integration tests on ${database} (Jest, real Strapi)`, () =>
    run(process.execPath, [jest, '--selectProjects', 'integration', '--maxWorkers=2'], { cwd: root, env })
  );
}

console.log('\nStages:');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.label.padEnd(52)} ${r.seconds.toFixed(1)}s`);
const failed = results.filter((r) => !r.ok).length;
process.exit(failed ? 1 : 0);
