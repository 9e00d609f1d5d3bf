/**
 * The SQL statements each HTTP request issued, for the benchmark's counts: only the requests that
 * reach the server while counting is on, and only the statements their own code issued.
 *
 * Strapi runs each request inside an AsyncLocalStorage context holding its Koa ctx (its first
 * middleware calls `requestContext.run(ctx, next)`; `strapi.requestContext.get()` reads it), and
 * knex emits its `query` event synchronously from the code that issued the statement (`Runner.query`
 * → `client.query` → `enrichQueryObject` → `client.emit('query')`, passed on by the knex instance).
 * So the listener reads the issuing request from the async context. Work running meanwhile outside
 * a request (the email outbox drain, cron tasks) finds none there; work left running by an earlier
 * request finds that request, which was not counted.
 */

/**
 * @typedef {{ sql: string, bindings: unknown[] }} Statement
 * @typedef {{ method: string | undefined, url: string | undefined, statements: Statement[] }} RequestStatements
 */

/**
 * @param {object} io
 * @param {import('node:events').EventEmitter} io.server the HTTP server: its `request` events name the requests
 * @param {import('node:events').EventEmitter} io.connection the knex instance: its `query` events are the statements
 * @param {() => object | undefined} io.currentRequest the request whose async context is running (the Koa ctx's `req`)
 */
export const requestStatements = ({ server, connection, currentRequest }) => {
  /** @type {Map<object, RequestStatements> | null} The requests of the current count, in arrival order. */
  let counted = null;
  const onRequest = (/** @type {import('node:http').IncomingMessage} */ req) => {
    counted?.set(req, { method: req.method, url: req.url, statements: [] });
  };
  const onQuery = (/** @type {{ sql: string, bindings?: unknown[] }} */ query) => {
    if (!counted) return;
    const req = currentRequest();
    const request = req && counted.get(req);
    if (request) request.statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  };
  // Before the server's own handler, so a request is known before any of its code runs.
  server.prependListener('request', onRequest);
  connection.on('query', onQuery);
  return {
    /** Counts the requests that arrive from now on. */
    start() {
      counted = new Map();
    },
    /** Stops counting; the requests that arrived since `start`, each with its statements. */
    stop() {
      const requests = counted ? [...counted.values()] : [];
      counted = null;
      return requests;
    },
    close() {
      server.off('request', onRequest);
      connection.off('query', onQuery);
    },
  };
};

/**
 * Statements of one count: all of them, and those of Strapi's authentication, which runs first in
 * every request, so its statements are the leading ones of each request that `isAuth` recognises.
 * @param {RequestStatements[]} requests
 * @param {(statement: Statement) => boolean} isAuth
 */
export const statementCounts = (requests, isAuth) => {
  let total = 0;
  let auth = 0;
  for (const { statements } of requests) {
    total += statements.length;
    const first = statements.findIndex((statement) => !isAuth(statement));
    auth += first === -1 ? statements.length : first;
  }
  return { total, auth };
};
