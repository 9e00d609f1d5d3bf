import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

import { isStale } from '../lib/build-state.mjs';

describe('build staleness', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clientia-build-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const src = path.join(dir, 'src');
  mkdirSync(path.join(src, 'nested'), { recursive: true });
  const input = path.join(src, 'nested', 'a.ts');
  const output = path.join(dir, 'out.js');

  it('is stale when the output is missing', () => {
    writeFileSync(input, 'x');
    assert.equal(isStale(output, [src]), true);
  });

  it('is fresh when the output is newer than every input, stale once an input changes', () => {
    writeFileSync(output, 'built');
    const past = new Date(Date.now() - 60_000);
    utimesSync(input, past, past);
    assert.equal(isStale(output, [src]), false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(input, future, future);
    assert.equal(isStale(output, [src]), true);
  });

  it('ignores build output and dependencies inside the inputs', () => {
    const past = new Date(Date.now() - 120_000);
    utimesSync(input, past, past);
    mkdirSync(path.join(src, 'node_modules'), { recursive: true });
    writeFileSync(path.join(src, 'node_modules', 'dep.js'), 'y');
    assert.equal(isStale(output, [src]), false);
  });
});
