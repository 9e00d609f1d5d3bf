#!/usr/bin/env node
/**
 * Counts the imports in the plugin's server code that run against its layering: from a top-level
 * entry of `plugin-clientia/server/src` to one on a higher layer. The layers are the ones the code
 * map (`plugin-clientia/server/src/README.md`) describes; a unit test keeps the two in step.
 *
 *   node scripts/layering.mjs            the layers, then every import that runs up, and the count
 *   node scripts/layering.mjs --check    the same, exiting 1 when any import runs up or an entry has no layer
 *   node scripts/layering.mjs --src DIR  another tree (an older checkout, to compare)
 *   node scripts/layering.mjs --place old=new
 *                                        counts an entry missing from the table on the layer of another
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Bottom first. An entry may import from its own layer's folders and from every layer below; the
 * feature folders form one layer whose members are ordered among themselves (a later one may use
 * an earlier one, not the reverse).
 */
export const LAYERS = [
  { name: 'foundation', entries: ['constants.ts', 'content-types', 'domain', 'permissions.ts'] },
  { name: 'validation', entries: ['validation'] },
  { name: 'config', entries: ['config'] },
  { name: 'infrastructure', entries: ['repositories', 'audit', 'storage', 'http', 'pdf', 'i18n'] },
  { name: 'serializers', entries: ['serializers'] },
  { name: 'email', entries: ['email'] },
  { name: 'features', entries: ['billing', 'signing', 'accounts', 'sign-in', 'portal', 'workspace'], ordered: true },
  { name: 'rules', entries: ['rules'] },
  { name: 'services', entries: ['services'] },
  { name: 'http entry points', entries: ['policies', 'middlewares'] },
  { name: 'controllers', entries: ['controllers'] },
  { name: 'routes', entries: ['routes'] },
  { name: 'plugin lifecycle', entries: ['register.ts', 'bootstrap.ts', 'destroy.ts', 'index.ts'] },
];

/** Rank of each entry: the layer's index, and within an ordered layer a fraction for the member's place. */
export const ranks = (layers = LAYERS) => {
  const rank = new Map();
  layers.forEach((layer, index) => {
    layer.entries.forEach((entry, position) => rank.set(entry, layer.ordered ? index + position / layer.entries.length : index));
  });
  return rank;
};

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

const sourceFiles = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));

const resolveImport = (from, specifier) => {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return base;
};

/** The top-level entry a file of `src` belongs to: its first folder, or the file itself at the top. */
const entryOf = (src, file) => path.relative(src, file).split(path.sep)[0];

/** Every import between two top-level entries of `src`, with both entries. */
export const crossImports = (src) => {
  const found = [];
  for (const file of sourceFiles(src)) {
    const code = fs.readFileSync(file, 'utf8');
    for (const match of code.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (!specifier?.startsWith('.')) continue;
      const target = resolveImport(file, specifier);
      const relative = path.relative(src, target);
      // The shared contracts sit outside src, below every layer.
      if (relative.startsWith('..')) continue;
      const from = entryOf(src, file);
      const to = entryOf(src, target);
      if (from !== to) found.push({ file: path.relative(src, file), target: relative, from, to });
    }
  }
  return found;
};

/** The imports that run up, and the entries the table does not place. */
export const judge = (imports, rank) => {
  const unplaced = new Set();
  const upward = [];
  for (const item of imports) {
    for (const entry of [item.from, item.to]) if (!rank.has(entry)) unplaced.add(entry);
    if (rank.has(item.from) && rank.has(item.to) && rank.get(item.to) > rank.get(item.from)) upward.push(item);
  }
  return { upward, unplaced: [...unplaced].sort() };
};

const main = () => {
  const args = process.argv.slice(2);
  const valueOf = (flag) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const root = path.resolve(import.meta.dirname, '..');
  const src = path.resolve(valueOf('--src') ?? path.join(root, 'plugin-clientia', 'server', 'src'));
  const rank = ranks();
  args.forEach((arg, index) => {
    if (arg !== '--place') return;
    const [entry, like] = (args[index + 1] ?? '').split('=');
    if (!rank.has(like)) throw new Error(`--place ${entry}=${like}: ${like} has no layer`);
    rank.set(entry, rank.get(like));
  });

  const imports = crossImports(src);
  const { upward, unplaced } = judge(imports, rank);
  console.log('Layers, bottom first (an entry imports only from its own layer and those below):');
  LAYERS.forEach((layer, index) => console.log(`  ${String(index + 1).padStart(2)}. ${layer.name.padEnd(18)} ${layer.entries.join(layer.ordered ? ' < ' : ', ')}`));
  if (upward.length) {
    console.log('\nImports that run up:');
    for (const item of upward) console.log(`  ${item.file} -> ${item.target}   (${item.from} -> ${item.to})`);
  }
  if (unplaced.length) console.log(`\nEntries without a layer: ${unplaced.join(', ')}`);
  console.log(`\n${imports.length} imports between top-level entries; ${upward.length} run up against the layering.`);
  if (args.includes('--check') && (upward.length || unplaced.length)) process.exit(1);
};

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
