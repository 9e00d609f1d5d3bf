import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { copyPaths, dockerignore, healthCommand, parseDockerfile, parseEnv } from '../images/dockerfile.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('image check: reading a Dockerfile', () => {
  const stages = parseDockerfile(`# syntax=docker/dockerfile:1
ARG NODE_VERSION=24
FROM node:\${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
RUN npm ci \\
 && npm run build
FROM node:\${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \\
    HOST=0.0.0.0 \\
    PORT=4321
COPY --from=build --chown=node:node /app/dist ./dist
HEALTHCHECK --interval=15s --timeout=5s \\
  CMD node -e "fetch('http://127.0.0.1:4321/health')"
CMD ["node", "./dist/server/entry.mjs"]
`);

  it('splits stages, fills ARG defaults into FROM and joins continued lines', () => {
    assert.deepEqual(
      stages.map((stage) => [stage.name, stage.base]),
      [
        ['build', 'node:24-bookworm-slim'],
        ['1', 'node:24-bookworm-slim'],
      ]
    );
    assert.equal(stages[0].instructions[1].value, 'npm ci && npm run build');
  });

  it('reads ENV pairs, COPY flags and paths, and the HEALTHCHECK command', () => {
    const [env, copy, health, cmd] = stages[1].instructions;
    assert.deepEqual(parseEnv(env.value), { NODE_ENV: 'production', HOST: '0.0.0.0', PORT: '4321' });
    assert.deepEqual(copy.flags, { from: 'build', chown: 'node:node' });
    assert.deepEqual(copyPaths(copy.value), { sources: ['/app/dist'], destination: './dist' });
    assert.equal(healthCommand(health.value), `node -e "fetch('http://127.0.0.1:4321/health')"`);
    assert.deepEqual(JSON.parse(cmd.value), ['node', './dist/server/entry.mjs']);
  });

  it('gives both of the repository’s Dockerfiles a CMD and a HEALTHCHECK in their last stage', () => {
    for (const file of ['strapi/Dockerfile', 'portal-site/Dockerfile']) {
      const last = parseDockerfile(readFileSync(path.join(root, file), 'utf8')).at(-1);
      assert.ok(last?.instructions.some((i) => i.op === 'CMD'), `${file} CMD`);
      assert.ok(last?.instructions.some((i) => i.op === 'HEALTHCHECK'), `${file} HEALTHCHECK`);
    }
  });
});

describe('image check: .dockerignore', () => {
  const ignored = dockerignore(['**/node_modules', '**/.env.*', '!**/.env.example', '.git', 'strapi/public/uploads/*', '!strapi/public/uploads/.gitkeep', '# a comment']);

  it('leaves out matching folders with everything under them, at any depth', () => {
    assert.equal(ignored('node_modules'), true);
    assert.equal(ignored('portal-site/node_modules/astro/package.json'), true);
    assert.equal(ignored('.git/HEAD'), true);
    assert.equal(ignored('portal-site/src/pages/index.astro'), false);
  });

  it('takes back what a later ! line names', () => {
    assert.equal(ignored('strapi/.env.production'), true);
    assert.equal(ignored('strapi/.env.example'), false);
    assert.equal(ignored('strapi/public/uploads/logo.png'), true);
    assert.equal(ignored('strapi/public/uploads/.gitkeep'), false);
  });
});
