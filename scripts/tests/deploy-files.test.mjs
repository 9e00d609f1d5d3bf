/**
 * No Docker engine runs where we test, so the compose file and the Dockerfiles are checked here
 * against the repository itself: what they copy exists, what they run exists, and Strapi gets
 * every secret it needs.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { parse } from 'yaml';

import { STRAPI_SECRETS } from '../lib/env-file.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const compose = parse(read('docker-compose.yml'));
const nodeMajor = read('.nvmrc').trim();

/** COPY sources from the build context (not from another stage), with continuation lines joined. */
const copySources = (dockerfile) =>
  read(dockerfile)
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => /^COPY\s/.test(line) && !/--from=/.test(line))
    .flatMap((line) => {
      const parts = line.replace(/^COPY\s+/, '').split(/\s+/).filter((p) => p && !p.startsWith('--'));
      return parts.slice(0, -1);
    });

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Strapi and the portal, with Redis as an option, each with a health check', () => {
    assert.deepEqual(Object.keys(compose.services).sort(), ['portal', 'postgres', 'redis', 'strapi']);
    assert.deepEqual(compose.services.redis.profiles, ['redis']);
    for (const [name, service] of Object.entries(compose.services)) {
      assert.ok(service.healthcheck?.test, `${name} has a health check`);
    }
  });

  it('starts each service only once what it needs is healthy', () => {
    assert.equal(compose.services.strapi.depends_on.postgres.condition, 'service_healthy');
    assert.equal(compose.services.portal.depends_on.strapi.condition, 'service_healthy');
  });

  it('keeps data in named volumes', () => {
    assert.ok(compose.volumes['postgres-data'] !== undefined && compose.volumes['strapi-uploads'] !== undefined);
    assert.ok(compose.services.postgres.volumes.includes('postgres-data:/var/lib/postgresql/data'));
    assert.ok(compose.services.strapi.volumes.includes('strapi-uploads:/app/strapi/public/uploads'));
  });

  it('gives Strapi every secret and PostgreSQL, all required rather than defaulted', () => {
    const env = compose.services.strapi.environment;
    for (const key of Object.keys(STRAPI_SECRETS)) {
      assert.match(String(env[key]), new RegExp(`^\\$\\{${key}:\\?`), `${key} must be required from .env`);
    }
    assert.match(env.DATABASE_URL, /^postgres:\/\/clientia:\$\{POSTGRES_PASSWORD\}@postgres:5432\/clientia$/);
    assert.equal(env.NODE_ENV, 'production');
  });

  it('points the portal at Strapi on the compose network', () => {
    const env = compose.services.portal.environment;
    assert.equal(env.STRAPI_URL, 'http://strapi:1337');
    assert.ok(env.PUBLIC_URL);
  });

  it('builds from Dockerfiles that exist', () => {
    for (const name of ['strapi', 'portal']) {
      const { context, dockerfile } = compose.services[name].build;
      assert.ok(existsSync(path.join(root, context, dockerfile)), `${dockerfile} exists`);
    }
  });
});

for (const dockerfile of ['strapi/Dockerfile', 'portal-site/Dockerfile']) {
  describe(dockerfile, () => {
    it(`uses Node ${nodeMajor}, as .nvmrc says`, () => {
      assert.match(read(dockerfile), new RegExp(`ARG NODE_VERSION=${nodeMajor}\\b`));
    });

    it('copies only files that exist in the repository', () => {
      const sources = copySources(dockerfile);
      assert.ok(sources.length > 3);
      for (const source of sources) assert.ok(existsSync(path.join(root, source)), `${source} exists`);
    });

    it('runs as an unprivileged user with a health check', () => {
      assert.match(read(dockerfile), /^USER node$/m);
      assert.match(read(dockerfile), /^HEALTHCHECK /m);
    });
  });
}

describe('what the images run', () => {
  it('Strapi starts through its own CLI', () => {
    assert.match(read('strapi/Dockerfile'), /CMD \["node", "\/app\/node_modules\/@strapi\/strapi\/bin\/strapi.js", "start"\]/);
    assert.ok(existsSync(path.join(root, 'node_modules/@strapi/strapi/bin/strapi.js')));
  });

  it('the portal starts the way its package.json documents', () => {
    const pkg = JSON.parse(read('portal-site/package.json'));
    assert.equal(pkg.scripts.start, 'node ./dist/server/entry.mjs');
    assert.match(read('portal-site/Dockerfile'), /CMD \["node", "\.\/dist\/server\/entry\.mjs"\]/);
  });
});
