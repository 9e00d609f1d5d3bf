import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';

import { requestStatements, statementCounts } from '../bench/request-statements.mjs';

/**
 * A server and a connection as the benchmark's Strapi has them: each request runs in an async
 * context naming it, and a statement is reported synchronously from the code that issues it.
 */
const world = () => {
  const server = new EventEmitter();
  const connection = new EventEmitter();
  const context = new AsyncLocalStorage();
  const counter = requestStatements({ server, connection, currentRequest: () => context.getStore()?.req });
  /** Issues a statement after a turn of the event loop, as a driver call does. */
  const issue = async (sql) => {
    await new Promise((resolve) => setImmediate(resolve));
    connection.emit('query', { sql, bindings: [] });
  };
  /** A request arriving now; `run` is its code, inside its async context. */
  const request = (url, run) => {
    const req = { method: 'GET', url };
    server.emit('request', req);
    return context.run({ req }, run);
  };
  return { counter, issue, request, server, connection };
};

describe('statements attributed to requests', () => {
  it('keeps the statements of the requests that arrive while counting, not the work beside them', async () => {
    const { counter, issue, request } = world();
    let releaseEarlier = () => {};
    const earlierWaits = new Promise((resolve) => {
      releaseEarlier = () => resolve(undefined);
    });
    // A request that arrived before counting started and is still at work.
    const earlier = request('/earlier', async () => {
      await issue('earlier 1');
      await earlierWaits;
      await issue('earlier 2');
    });
    counter.start();

    // Work outside any request (a drain, a cron task), running all the while.
    const background = (async () => {
      for (let i = 0; i < 6; i += 1) await issue(`background ${i}`);
    })();
    const first = request('/first', async () => {
      await issue('first 1');
      releaseEarlier();
      // Started by the request without awaiting it: still its own context, so its statement.
      const detached = issue('first detached');
      await issue('first 2');
      await detached;
    });
    const second = request('/second', async () => {
      await issue('second 1');
    });
    await Promise.all([earlier, background, first, second]);

    assert.deepEqual(
      counter.stop().map(({ url, statements }) => [url, statements.map((s) => s.sql).sort()]),
      [
        ['/first', ['first 1', 'first 2', 'first detached']],
        ['/second', ['second 1']],
      ]
    );
  });

  it('counts nothing before start or after stop, and a new count starts empty', async () => {
    const { counter, issue, request, server, connection } = world();
    await request('/before', () => issue('before'));
    counter.start();
    await request('/during', () => issue('during'));
    assert.deepEqual(
      counter.stop().map((r) => r.statements.length),
      [1]
    );
    await request('/after', () => issue('after'));
    counter.start();
    assert.deepEqual(counter.stop(), []);
    counter.close();
    assert.equal(server.listenerCount('request'), 0);
    assert.equal(connection.listenerCount('query'), 0);
  });

  it('learns of a request before the handler the server had first runs its code', () => {
    const server = new EventEmitter();
    const connection = new EventEmitter();
    const context = new AsyncLocalStorage();
    // The server's own handler, registered when the server was made (as Strapi's is): it reports
    // a statement at once, from the request's context.
    server.on('request', (req) => context.run({ req }, () => connection.emit('query', { sql: 'at once' })));
    const counter = requestStatements({ server, connection, currentRequest: () => context.getStore()?.req });
    counter.start();
    server.emit('request', { method: 'GET', url: '/at-once' });
    assert.deepEqual(counter.stop(), [{ method: 'GET', url: '/at-once', statements: [{ sql: 'at once', bindings: [] }] }]);
  });
});

describe('statement counts', () => {
  const isAuth = (statement) => statement.sql.startsWith('auth');
  const request = (...sql) => ({ method: 'GET', url: '/', statements: sql.map((s) => ({ sql: s, bindings: [] })) });

  it('takes the leading authentication statements of each request', () => {
    assert.deepEqual(statementCounts([request('auth a', 'auth b', 'own', 'auth later')], isAuth), { total: 4, auth: 2 });
    assert.deepEqual(statementCounts([request('auth a', 'own'), request('auth a', 'auth b', 'own', 'own')], isAuth), { total: 6, auth: 3 });
  });

  it('counts a request of authentication only, and no request at all', () => {
    assert.deepEqual(statementCounts([request('auth a', 'auth b'), request()], isAuth), { total: 2, auth: 2 });
    assert.deepEqual(statementCounts([], isAuth), { total: 0, auth: 0 });
  });
});
