import type { IncomingMessage } from 'node:http';

import type { Core } from '@strapi/strapi';

/** The SQL statements the requests made inside a callback issued, and what the callback returned. */
export interface RequestStatements<T> {
  result: T;
  /** In the order knex issued them, the statements of every request that arrived during the callback. */
  statements: string[];
  /** How many HTTP requests arrived during the callback. */
  requests: number;
}

/**
 * Counts the SQL statements issued by the HTTP requests made inside `run`, and only those.
 *
 * A statement belongs to a request when the request's own code issued it. Strapi runs every
 * request inside an AsyncLocalStorage context holding its Koa ctx (its first middleware calls
 * `requestContext.run(ctx, next)`, `strapi.requestContext.get()` reads it back), and knex emits its
 * `query` event synchronously from the code that issued the statement (`Runner.query` →
 * `client.query` → `enrichQueryObject` → `client.emit('query')` → the knex instance's `emit`).
 * So a listener finds the issuing request in the async context. Work running meanwhile outside a
 * request (the email outbox drain, cron tasks, the test's own writes) has no request there, and
 * work left running by an earlier request names that earlier request: neither is counted.
 *
 * Requests are known by the Node request object Strapi's HTTP server receives (the Koa ctx's
 * `req`); the ones that arrive while `run` runs are this count's. Work a request starts without
 * awaiting and that issues statements after `run` has returned is not seen.
 */
export const requestStatements = async <T>(strapi: Core.Strapi, run: () => PromiseLike<T>): Promise<RequestStatements<T>> => {
  const counted = new WeakSet<IncomingMessage>();
  let requests = 0;
  const statements: string[] = [];
  const onRequest = (req: IncomingMessage) => {
    counted.add(req);
    requests += 1;
  };
  const onQuery = (query: { sql: string }) => {
    const req = strapi.requestContext.get()?.req;
    if (req && counted.has(req)) statements.push(query.sql);
  };
  // Before Strapi's own handler, so the request is known before any of its code runs.
  strapi.server.httpServer.prependListener('request', onRequest);
  strapi.db.connection.on('query', onQuery);
  try {
    const result = await run();
    return { result, statements, requests };
  } finally {
    strapi.db.connection.off('query', onQuery);
    strapi.server.httpServer.off('request', onRequest);
  }
};

/** How many SQL statements the requests made inside `run` issued; `SHOW_SQL=1` prints them. */
export const countRequestStatements = async (strapi: Core.Strapi, run: () => PromiseLike<unknown>): Promise<number> => {
  const { statements, requests } = await requestStatements(strapi, run);
  if (requests === 0) throw new Error('no HTTP request reached Strapi while statements were counted');
  if (process.env.SHOW_SQL) console.log(statements.join('\n'));
  return statements.length;
};
