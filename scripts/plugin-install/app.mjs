/**
 * The plain Strapi 5 app the packed plugin is installed into, written file by file the way a
 * firm's own website back end looks: its own content type (`api::note.note`), one record of it,
 * a Public role that reads it and a custom "Editors" role, and nothing of Clientia.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The record the app makes at its first boot; the checks expect exactly this content later. */
export const NOTE = { title: 'Opening hours', body: 'Our office is open Monday to Friday, 9:00 to 17:00.' };

/** What the firm adds to `config/plugins.ts` to turn the plugin on (the README's install step). */
export const PLUGIN_LINES = `  clientia: {
    enabled: true,
    config: {
      portalUrl: 'https://portal.example.test',
    },
  },
`;

/**
 * The versions the repository runs: Strapi packages from the reference app's package.json, the
 * database drivers and TypeScript as its lockfile resolved them (so the npm cache has them).
 * @param {string} root repository root
 */
export const appVersions = (root) => {
  const strapiApp = JSON.parse(readFileSync(path.join(root, 'strapi', 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  /** @param {string} name */
  const locked = (name) => {
    /** @type {{ version?: string } | undefined} */
    const entry = lock.packages[`strapi/node_modules/${name}`] ?? lock.packages[`node_modules/${name}`];
    return entry?.version;
  };
  /** @param {string} name */
  const required = (name) => {
    const version = locked(name);
    if (!version) throw new Error(`${name} is not in the repository's package-lock.json`);
    return version;
  };
  /** @param {string} name */
  const fromApp = (name) => {
    const range = strapiApp.dependencies?.[name];
    if (!range) throw new Error(`strapi/package.json does not depend on ${name}`);
    return /** @type {string} */ (range);
  };
  return {
    dependencies: {
      '@strapi/strapi': fromApp('@strapi/strapi'),
      '@strapi/plugin-users-permissions': fromApp('@strapi/plugin-users-permissions'),
      'better-sqlite3': required('better-sqlite3'),
      pg: required('pg'),
      // Optional only so that a repository without MariaDB support still checks the other two.
      ...(locked('mysql2') ? { mysql2: required('mysql2') } : {}),
      react: fromApp('react'),
      'react-dom': fromApp('react-dom'),
      'react-router-dom': fromApp('react-router-dom'),
      'styled-components': fromApp('styled-components'),
    },
    devDependencies: {
      typescript: required('typescript'),
      '@types/node': required('@types/node'),
    },
  };
};

/** Fresh secrets for every run, as `create-strapi-app` generates them. */
export const generateSecrets = () => {
  const secret = () => randomBytes(16).toString('base64');
  return {
    APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
};

const ENV_TYPE = `import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];
`;

// A 1×1 PNG: Strapi's favicon middleware wants the file to exist.
const FAVICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64'
);

/** @param {{ dependencies: Record<string, string>, devDependencies: Record<string, string> }} versions @param {Record<string, string>} secrets */
const appFiles = (versions, secrets) => ({
  'package.json': `${JSON.stringify(
    {
      name: 'northbank-website-cms',
      version: '1.0.0',
      private: true,
      description: 'A firm’s own Strapi app, before and after adding Clientia.',
      scripts: { build: 'strapi build', develop: 'strapi develop', start: 'strapi start', strapi: 'strapi' },
      dependencies: versions.dependencies,
      devDependencies: versions.devDependencies,
      engines: { node: '>=22.12.0 <=26.x.x' },
      strapi: { telemetryDisabled: true },
    },
    null,
    2
  )}\n`,
  '.env': `${Object.entries(secrets)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`,
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        module: 'CommonJS',
        moduleResolution: 'Node',
        lib: ['ES2020'],
        target: 'ES2019',
        strict: false,
        skipLibCheck: true,
        forceConsistentCasingInFileNames: true,
        incremental: true,
        esModuleInterop: true,
        resolveJsonModule: true,
        noEmitOnError: true,
        noImplicitThis: true,
        outDir: 'dist',
        rootDir: '.',
      },
      include: ['./', './**/*.ts', './**/*.js', 'src/**/*.json'],
      exclude: ['node_modules/', 'build/', 'dist/', '.cache/', '.tmp/', 'src/admin/', '**/*.test.*', 'src/plugins/**'],
    },
    null,
    2
  )}\n`,
  'config/server.ts': `${ENV_TYPE}
export default ({ env }: { env: Env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  logger: { updates: { enabled: false } },
});
`,
  'config/database.ts': `import path from 'path';

${ENV_TYPE}
/** SQLite by default; DATABASE_URL=postgres://… or mysql://… for a database server. */
export default ({ env }: { env: Env }) => {
  const url = env('DATABASE_URL', '');
  if (/^postgres(ql)?:/.test(url)) {
    return { connection: { client: 'postgres', connection: { connectionString: url } } };
  }
  if (/^(mysql|mariadb):/.test(url)) {
    const parsed = new URL(url);
    return {
      connection: {
        client: 'mysql',
        connection: {
          host: parsed.hostname,
          port: Number(parsed.port || 3306),
          user: decodeURIComponent(parsed.username),
          password: decodeURIComponent(parsed.password),
          database: parsed.pathname.slice(1),
        },
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
    },
  };
};
`,
  'config/admin.ts': `${ENV_TYPE}
export default ({ env }: { env: Env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  autoOpen: false,
  flags: { nps: false, promoteEE: false },
});
`,
  'config/api.ts': `export default {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
};
`,
  'config/middlewares.ts': `export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`,
  'config/plugins.ts': `export default () => ({
});
`,
  'src/index.ts': `import type { Core } from '@strapi/strapi';

const NOTE = ${JSON.stringify(NOTE)};

const grant = async (strapi: Core.Strapi, roleId: number, actions: string[]) => {
  for (const action of actions) {
    await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: roleId } });
  }
};

export default {
  register() {},

  /** The first boot makes the website's note, lets the public read notes and adds an Editors role. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if ((await strapi.documents('api::note.note').count({})) > 0) return;
    await strapi.documents('api::note.note').create({ data: NOTE, status: 'published' });

    const roles = strapi.db.query('plugin::users-permissions.role');
    const publicRole = await roles.findOne({ where: { type: 'public' } });
    if (!publicRole) throw new Error('users-permissions made no Public role');
    await grant(strapi, publicRole.id, ['api::note.note.find', 'api::note.note.findOne']);
    const editors = await roles.create({
      data: { name: 'Editors', description: 'Write the website’s notes.', type: 'editors' },
    });
    await grant(strapi, editors.id, ['api::note.note.find', 'api::note.note.findOne', 'api::note.note.create', 'api::note.note.update']);
  },
};
`,
  'src/admin/app.tsx': `import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // No release notes or tutorials fetched from outside.
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {},
};
`,
  'src/api/note/content-types/note/schema.json': `${JSON.stringify(
    {
      kind: 'collectionType',
      collectionName: 'notes',
      info: { singularName: 'note', pluralName: 'notes', displayName: 'Note' },
      options: { draftAndPublish: true },
      pluginOptions: {},
      attributes: { title: { type: 'string', required: true }, body: { type: 'text' } },
    },
    null,
    2
  )}\n`,
  'src/api/note/controllers/note.ts': `import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::note.note');
`,
  'src/api/note/routes/note.ts': `import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::note.note');
`,
  'src/api/note/services/note.ts': `import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::note.note');
`,
  'public/robots.txt': 'User-agent: *\nDisallow: /\n',
  'public/uploads/.gitkeep': '',
});

/**
 * Writes the app into `dir` (which must not hold one yet).
 * @param {string} dir
 * @param {ReturnType<typeof appVersions>} versions
 * @param {Record<string, string>} secrets
 */
export const writeApp = (dir, versions, secrets) => {
  for (const [file, content] of Object.entries(appFiles(versions, secrets))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  writeFileSync(path.join(dir, 'favicon.png'), FAVICON);
};

/**
 * Turns the plugin on the way its README's install steps say: its lines in `config/plugins.ts`,
 * nothing else. `config/middlewares.ts` stays as the app has it: the plugin places its own
 * middlewares, which the private-files check then proves.
 * @param {string} dir
 */
export const enablePlugin = (dir) => {
  /** @param {string} name @param {(text: string) => string} edit */
  const change = (name, edit) => {
    const file = path.join(dir, 'config', name);
    const before = readFileSync(file, 'utf8');
    if (before.includes('clientia')) throw new Error(`config/${name} already turns the plugin on`);
    const after = edit(before);
    if (after === before) throw new Error(`config/${name} does not have the shape this check writes`);
    writeFileSync(file, after);
  };
  change('plugins.ts', (text) => text.replace('export default () => ({\n', (opening) => opening + PLUGIN_LINES));
};

/**
 * Packages the admin panel must hold once only: a second React, router, styled-components or
 * design system bundled for a plugin's pages breaks them at run time (hooks, theme, routes), which
 * no HTTP check would see.
 */
export const SHARED_ADMIN_PACKAGES = ['react', 'react-dom', 'react-router-dom', 'styled-components', '@strapi/design-system', '@strapi/icons'];

/**
 * Where each of `names` is installed under the app's node_modules, nested copies included.
 * @param {string} dir the app
 * @param {string[]} names
 * @returns {Record<string, string[]>} paths relative to the app
 */
export const packageCopies = (dir, names) => {
  /** @type {Record<string, string[]>} */
  const copies = Object.fromEntries(names.map((name) => [name, []]));
  const folders = [path.join(dir, 'node_modules')];
  while (folders.length) {
    const folder = /** @type {string} */ (folders.pop());
    /** @type {string[]} */
    const packages = [];
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) packages.push(...readdirSync(path.join(folder, entry)).map((inner) => `${entry}/${inner}`));
      else packages.push(entry);
    }
    for (const name of packages) {
      const packageDir = path.join(folder, name);
      if (name in copies) copies[name].push(path.relative(dir, packageDir));
      if (existsSync(path.join(packageDir, 'node_modules'))) folders.push(path.join(packageDir, 'node_modules'));
    }
  }
  return copies;
};
