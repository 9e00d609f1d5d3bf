import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';

import { DEMO_SECRETS, ensureEnvFile, readEnvFile, STRAPI_SECRETS } from '../lib/env-file.mjs';

describe('env file with generated secrets', () => {
  let dir;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clientia-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates every secret on first start, readable by its owner only', () => {
    const file = path.join(dir, '.env');
    const { values, added } = ensureEnvFile(file, { ...STRAPI_SECRETS, ...DEMO_SECRETS }, 'test');
    assert.deepEqual(added.sort(), Object.keys({ ...STRAPI_SECRETS, ...DEMO_SECRETS }).sort());
    assert.equal(values.APP_KEYS.split(',').length, 4);
    assert.ok(values.JWT_SECRET.length >= 40);
    assert.match(values.DEMO_ADMIN_PASSWORD, /^Demo-(\w{5}-){3}\w{5}$/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(readEnvFile(file), values);
  });

  it('keeps existing values and adds only what is missing', () => {
    const file = path.join(dir, '.env');
    writeFileSync(file, '# mine\nJWT_SECRET=keep-me\nCUSTOM=1');
    const { values, added } = ensureEnvFile(file, STRAPI_SECRETS, 'test');
    assert.equal(values.JWT_SECRET, 'keep-me');
    assert.ok(!added.includes('JWT_SECRET'));
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith('# mine\nJWT_SECRET=keep-me\nCUSTOM=1\n'));
    const again = ensureEnvFile(file, STRAPI_SECRETS, 'test');
    assert.deepEqual(again.added, []);
    assert.deepEqual(again.values, values);
  });

  it('generates different secrets on different machines', () => {
    const a = ensureEnvFile(path.join(dir, 'a.env'), STRAPI_SECRETS, 'a').values;
    const b = ensureEnvFile(path.join(dir, 'b.env'), STRAPI_SECRETS, 'b').values;
    for (const key of Object.keys(STRAPI_SECRETS)) assert.notEqual(a[key], b[key]);
  });
});
