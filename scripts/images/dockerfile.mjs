/**
 * The parts of a Dockerfile and a .dockerignore that the image check follows: stages with their
 * instructions, and which files of the build context COPY leaves out.
 */
import path from 'node:path';

/**
 * @typedef {{ op: string, value: string, flags: Record<string, string> }} Instruction
 * @typedef {{ name: string, base: string, instructions: Instruction[] }} Stage
 */

/** Leading `--name=value` flags of an instruction, and what follows them. @param {string} value */
const splitFlags = (value) => {
  /** @type {Record<string, string>} */
  const flags = {};
  let rest = value.trim();
  for (let match = /^--([\w-]+)(?:=(\S*))?\s+/.exec(rest); match; match = /^--([\w-]+)(?:=(\S*))?\s+/.exec(rest)) {
    flags[match[1]] = match[2] ?? 'true';
    rest = rest.slice(match[0].length);
  }
  return { flags, rest };
};

/**
 * Stages in order, continuation lines joined, comments dropped, `${ARG}` in FROM filled from the
 * ARG defaults before it.
 * @param {string} text
 * @returns {Stage[]}
 */
export const parseDockerfile = (text) => {
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  /** @type {Record<string, string>} */
  const args = {};
  /** @type {Stage[]} */
  const stages = [];
  for (const line of lines) {
    const [, op = '', raw = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const { flags, rest } = splitFlags(raw);
    const value = rest.replace(/\s+/g, ' ');
    if (op.toUpperCase() === 'FROM') {
      const [image = '', , name] = value.replace(/\$\{(\w+)\}/g, (_, key) => args[key] ?? '').split(' ');
      stages.push({ name: name ?? String(stages.length), base: image, instructions: [] });
    } else if (op.toUpperCase() === 'ARG' && stages.length === 0) {
      const [key = '', fallback = ''] = value.split('=');
      args[key] = fallback;
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push({ op: op.toUpperCase(), value, flags });
    }
  }
  return stages;
};

/** `K=V K2="V 2"` pairs of an ENV instruction. @param {string} value @returns {Record<string, string>} */
export const parseEnv = (value) =>
  Object.fromEntries([...value.matchAll(/(\w+)=("[^"]*"|\S*)/g)].map(([, key, raw]) => [key, raw.replace(/^"(.*)"$/, '$1')]));

/** Sources and destination of a COPY. @param {string} value */
export const copyPaths = (value) => {
  const parts = value.split(' ');
  return { sources: parts.slice(0, -1), destination: parts[parts.length - 1] };
};

/** The command of a HEALTHCHECK (shell form after its flags). @param {string} value */
export const healthCommand = (value) => splitFlags(value).rest.replace(/^CMD\s+/, '');

/**
 * Whether a path of the build context (relative, with `/`) is left out by the .dockerignore
 * patterns: the last pattern matching it or one of its folders decides, `!` taking it back in.
 * @param {string[]} patterns lines of .dockerignore
 */
export const dockerignore = (patterns) => {
  const rules = patterns
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => ({ include: line.startsWith('!'), glob: line.replace(/^!/, '').replace(/^\/+|\/+$/g, '') }));
  /** @param {string} relative */
  return (relative) => {
    const parts = relative.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let ignored = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => path.matchesGlob(prefix, rule.glob))) ignored = !rule.include;
    }
    return ignored;
  };
};
