import path from 'node:path';

import databaseConfig from '../../config/database';

type Env = Parameters<typeof databaseConfig>[0]['env'];

/** Strapi's `env` helper over a fixed set of values, with the two readers the config uses. */
const envOf = (values: Record<string, string>): Env => {
  const read = (key: string, fallback?: unknown) => (key in values ? values[key] : fallback);
  return Object.assign(read, {
    int: (key: string, fallback?: number) => (key in values ? parseInt(values[key]!, 10) : fallback),
    bool: (key: string, fallback?: boolean) => (key in values ? values[key] === 'true' : fallback),
  }) as unknown as Env;
};

const configFor = (values: Record<string, string>) => databaseConfig({ env: envOf(values) }).connection as Record<string, unknown>;

describe('the database the reference app connects to', () => {
  it('is SQLite at DATABASE_FILENAME when DATABASE_URL is empty', () => {
    const config = configFor({ DATABASE_URL: '', DATABASE_FILENAME: '/tmp/clientia.db' });
    expect(config.client).toBe('sqlite');
    expect(config.connection).toEqual({ filename: path.resolve('/tmp/clientia.db') });
  });

  it.each(['postgres', 'postgresql'])('is PostgreSQL for a %s:// URL', (scheme) => {
    const url = `${scheme}://app:secret@db.internal:5432/clientia`;
    const config = configFor({ DATABASE_URL: url, DATABASE_POOL_MIN: '1', DATABASE_POOL_MAX: '4' });
    expect(config).toMatchObject({
      client: 'postgres',
      connection: { connectionString: url, ssl: false, schema: 'public' },
      pool: { min: 1, max: 4 },
    });
  });

  it.each(['mysql', 'mariadb'])('is MySQL/MariaDB for a %s:// URL, with the parts of the URL as the connection', (scheme) => {
    const config = configFor({ DATABASE_URL: `${scheme}://clientia:p%40ss%2Fword@db.internal:3307/portal`, DATABASE_POOL_MAX: '6' });
    expect(config).toMatchObject({ client: 'mysql', pool: { min: 2, max: 6 } });
    expect(config.connection).toEqual({
      host: 'db.internal',
      port: 3307,
      user: 'clientia',
      password: 'p@ss/word',
      database: 'portal',
      charset: 'utf8mb4',
      timezone: 'Z',
    });
  });

  it('defaults the MySQL port and passes TLS settings as it does for PostgreSQL', () => {
    const config = configFor({
      DATABASE_URL: 'mysql://root@127.0.0.1/clientia',
      DATABASE_SSL: 'true',
      DATABASE_SSL_REJECT_UNAUTHORIZED: 'false',
      DATABASE_SSL_CA: '-----BEGIN CERTIFICATE-----',
    });
    expect(config.connection).toMatchObject({
      port: 3306,
      user: 'root',
      password: '',
      ssl: { rejectUnauthorized: false, ca: '-----BEGIN CERTIFICATE-----' },
    });
  });

  it('refuses any other scheme at start, naming DATABASE_URL and never echoing its password', () => {
    for (const url of ['sqlserver://sa:hunter2@db/clientia', 'db.internal:5432/clientia', 'not a url hunter2']) {
      let message = '';
      try {
        configFor({ DATABASE_URL: url });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/DATABASE_URL/);
      expect(message).not.toContain('hunter2');
    }
  });
});
