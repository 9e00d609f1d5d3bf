import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { PLUGIN_LINES, appVersions, enablePlugin, generateSecrets, packageCopies, writeApp } from '../plugin-install/app.mjs';
import { accountEmailChanges, contentTypeChanges, enabledActions, roleChanges } from '../plugin-install/app-state.mjs';
import { nextPatch } from '../plugin-install/package.mjs';
import { formatTable } from '../plugin-install/report.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('plugin install check: the plain app', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clientia-plain-app-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the Strapi version of the reference app and the drivers of the lockfile', () => {
    const versions = appVersions(root);
    const reference = JSON.parse(readFileSync(path.join(root, 'strapi', 'package.json'), 'utf8'));
    assert.equal(versions.dependencies['@strapi/strapi'], reference.dependencies['@strapi/strapi']);
    assert.equal(versions.dependencies['@strapi/plugin-users-permissions'], reference.dependencies['@strapi/plugin-users-permissions']);
    assert.match(versions.dependencies['better-sqlite3'], /^\d+\.\d+\.\d+$/);
    assert.match(versions.dependencies.pg, /^\d+\.\d+\.\d+$/);
    assert.equal('strapi-plugin-clientia' in versions.dependencies, false);
  });

  it('generates different secrets at each run', () => {
    const [a, b] = [generateSecrets(), generateSecrets()];
    assert.notEqual(a.APP_KEYS, b.APP_KEYS);
    assert.equal(a.APP_KEYS.split(',').length, 4);
  });

  it('starts without the plugin and gains its lines in config/plugins.ts only', () => {
    writeApp(dir, appVersions(root), generateSecrets());
    const plugins = path.join(dir, 'config', 'plugins.ts');
    const middlewares = path.join(dir, 'config', 'middlewares.ts');
    assert.doesNotMatch(readFileSync(plugins, 'utf8') + readFileSync(middlewares, 'utf8'), /clientia/);
    enablePlugin(dir);
    const text = readFileSync(plugins, 'utf8');
    assert.ok(text.includes(PLUGIN_LINES));
    assert.match(text, /portalUrl: 'https:\/\/portal\.example\.test'/);
    assert.doesNotMatch(readFileSync(middlewares, 'utf8'), /clientia/);
    assert.throws(() => enablePlugin(dir), /already turns the plugin on/);
  });

  it('finds every installed copy of a package, nested and scoped ones too', () => {
    for (const folder of ['react', '@strapi/design-system', 'some-plugin/node_modules/react', 'some-plugin/node_modules/@strapi/design-system', '@scope/other/node_modules/react']) {
      mkdirSync(path.join(dir, 'node_modules', folder), { recursive: true });
    }
    const copies = packageCopies(dir, ['react', '@strapi/design-system', 'react-dom']);
    assert.deepEqual(copies.react.sort(), ['node_modules/@scope/other/node_modules/react', 'node_modules/react', 'node_modules/some-plugin/node_modules/react']);
    assert.deepEqual(copies['@strapi/design-system'].sort(), ['node_modules/@strapi/design-system', 'node_modules/some-plugin/node_modules/@strapi/design-system']);
    assert.deepEqual(copies['react-dom'], []);
  });
});

describe('plugin install check: comparing the app before and after', () => {
  const tree = {
    'api::note': { controllers: { note: { find: { enabled: true }, create: { enabled: false }, findOne: { enabled: true } } } },
    'plugin::users-permissions': { controllers: { auth: { callback: { enabled: true } } } },
  };

  it('reads the enabled actions of a role from the admin API tree', () => {
    assert.deepEqual(enabledActions(tree), ['api::note.note.find', 'api::note.note.findOne', 'plugin::users-permissions.auth.callback']);
  });

  it('names a role that is gone, renamed, or lost or gained a permission, and accepts new roles', () => {
    const before = [
      { name: 'Public', type: 'public', description: '', actions: ['api::note.note.find'] },
      { name: 'Editors', type: 'editors', description: '', actions: ['api::note.note.create'] },
    ];
    const added = { name: 'Client contact', type: 'client-contact', description: '', actions: ['plugin::clientia.portal.me'] };
    assert.deepEqual(roleChanges(before, [...before, added]), []);
    assert.deepEqual(roleChanges(before, [{ ...before[0], actions: [] }]), ['role "Public" lost api::note.note.find', 'role "Editors" is gone']);
    assert.deepEqual(roleChanges(before.slice(0, 1), [{ ...before[0], name: 'Everyone', actions: ['api::note.note.find', 'api::note.note.delete'] }]), [
      'role "Public" is now called "Everyone"',
      'role "Public" gained api::note.note.delete',
    ]);
  });

  it('names content types that are gone or changed, and accepts new ones', () => {
    const before = { 'api::note.note': { title: { type: 'string' } } };
    assert.deepEqual(contentTypeChanges(before, { ...before, 'plugin::clientia.client': {} }), []);
    assert.deepEqual(contentTypeChanges(before, { 'api::note.note': { title: { type: 'text' } } }), ['api::note.note has other attributes']);
    assert.deepEqual(contentTypeChanges(before, {}), ['api::note.note is gone']);
  });

  it('names a changed reset password page or reset email sender of the app, by old and new value', () => {
    const before = { resetPasswordUrl: 'https://www.northbank.example/account/reset-password', resetPasswordSender: { name: 'Northbank Studio', email: 'hello@northbank.example' } };
    assert.deepEqual(accountEmailChanges(before, structuredClone(before)), []);
    assert.deepEqual(accountEmailChanges(before, { ...before, resetPasswordSender: { email: 'hello@northbank.example', name: 'Northbank Studio' } }), []);
    assert.deepEqual(
      accountEmailChanges(before, { resetPasswordUrl: 'https://portal.example.test/reset-password', resetPasswordSender: { name: 'Harbour', email: 'portal@harbour.example' } }),
      [
        'the reset password page is now "https://portal.example.test/reset-password", was "https://www.northbank.example/account/reset-password"',
        "the reset email's sender is now Harbour <portal@harbour.example>, was Northbank Studio <hello@northbank.example>",
      ]
    );
    assert.deepEqual(accountEmailChanges({ resetPasswordUrl: null, resetPasswordSender: null }, { resetPasswordUrl: null, resetPasswordSender: null }), []);
  });
});

describe('plugin install check: package and report', () => {
  it('bumps the patch version for the upgrade', () => {
    assert.equal(nextPatch('0.1.0'), '0.1.1');
    assert.equal(nextPatch('2.9.19'), '2.9.20');
    assert.throws(() => nextPatch('1.0.0-beta.1'), /cannot bump/);
  });

  it('prints one row per database with its boots and checks', () => {
    const table = formatTable({
      rows: [{ database: 'SQLite', installMs: 61_000, buildMs: 38_000, bootsMs: [5_000, 4_300, 3_100], passed: 24, total: 24 }],
      general: { passed: 5, failed: [] },
      steps: [
        { label: 'app install', ms: 55_000 },
        { label: 'plugin install', ms: 6_000 },
      ],
      totalMs: 150_000,
    });
    assert.match(table, /\| SQLite +\| 61\.0 s +\| 38\.0 s +\| 5\.0 s \/ 4\.3 s \/ 3\.1 s +\| 24\/24 +\|/);
    assert.match(table, /app install 55\.0 s, plugin install 6\.0 s/);
    assert.match(table, /total 150\.0 s/);
  });
});
