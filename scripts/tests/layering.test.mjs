import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { crossImports, judge, LAYERS, ranks } from '../layering.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('server layering', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clientia-layers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file, code) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), code);
  };

  it('counts an import from a lower layer to a higher one, and none the other way', () => {
    write('domain/money.ts', "import { records } from '../repositories/records';\n");
    write('repositories/records.ts', "import type { Money } from '../domain/money';\nexport const records = 1;\n");
    write('controllers/invoices.ts', "export { records } from '../repositories/records';\nconst later = () => import('../domain/money');\n");
    const { upward, unplaced } = judge(crossImports(dir), ranks());
    assert.deepEqual(upward.map((item) => `${item.from} -> ${item.to}`), ['domain -> repositories']);
    assert.deepEqual(unplaced, []);
  });

  it('orders the feature folders among themselves', () => {
    write('portal/invoices.ts', "import { run } from '../billing/run';\n");
    write('billing/run.ts', "import { context } from '../portal/context';\nexport const run = 1;\n");
    write('portal/context.ts', 'export const context = 1;\n');
    const { upward } = judge(crossImports(dir), ranks());
    assert.ok(upward.some((item) => item.from === 'billing' && item.to === 'portal'));
    assert.ok(!upward.some((item) => item.from === 'portal' && item.to === 'billing'));
  });

  it('names an entry the table does not place', () => {
    write('helpers/misc.ts', "import { records } from '../repositories/records';\n");
    assert.deepEqual(judge(crossImports(dir), ranks()).unplaced, ['helpers']);
  });

  it('is the table the code map describes, layer by layer', () => {
    const map = readFileSync(path.join(root, 'plugin-clientia', 'server', 'src', 'README.md'), 'utf8');
    const rows = [...map.matchAll(/^\| (\d+)\. [^|]+\| ([^|]+) \|/gm)].map((match) => [...match[2].matchAll(/`([^`]+?)\/?`/g)].map((entry) => entry[1]));
    assert.deepEqual(rows, LAYERS.map((layer) => layer.entries));
  });

  it('holds for the plugin today', () => {
    const { upward, unplaced } = judge(crossImports(path.join(root, 'plugin-clientia', 'server', 'src')), ranks());
    assert.deepEqual(upward, []);
    assert.deepEqual(unplaced, []);
  });
});
