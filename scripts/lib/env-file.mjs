import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Reads KEY=value lines (no interpolation; # starts a comment line). */
export const readEnvFile = (file) => {
  if (!existsSync(file)) return {};
  const values = {};
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
};

const secret = (bytes = 32) => randomBytes(bytes).toString('base64');
/** Readable but unguessable: 4 groups of 5 characters from an unambiguous alphabet. */
const password = () => {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return (chars.match(/.{5}/g) ?? []).join('-');
};

/** Everything Strapi needs to start, generated on this machine and never committed. */
export const STRAPI_SECRETS = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: () => secret(),
  ADMIN_JWT_SECRET: () => secret(),
  TRANSFER_TOKEN_SALT: () => secret(),
  JWT_SECRET: () => secret(),
  ENCRYPTION_KEY: () => secret(),
};

export const DEMO_SECRETS = {
  DEMO_ADMIN_EMAIL: () => 'admin@harborpine.example',
  DEMO_ADMIN_PASSWORD: () => `Demo-${password()}`,
  DEMO_CONTACT_PASSWORD: () => `Demo-${password()}`,
};

/**
 * Adds each missing key to the env file (created with mode 0600), keeping what is there.
 * Returns the merged values and the names that were generated now.
 */
export const ensureEnvFile = (file, generators, header) => {
  const current = readEnvFile(file);
  const added = [];
  let text = existsSync(file) ? readFileSync(file, 'utf8') : `# ${header}\n# Generated on first start; git-ignored. Delete a line to have it generated again.\n`;
  for (const [key, generate] of Object.entries(generators)) {
    if (current[key]) continue;
    current[key] = generate();
    if (!text.endsWith('\n')) text += '\n';
    text += `${key}=${current[key]}\n`;
    added.push(key);
  }
  if (added.length) writeFileSync(file, text, { mode: 0o600 });
  return { values: current, added };
};
