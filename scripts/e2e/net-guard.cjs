/**
 * Preloaded (NODE_OPTIONS=--require) into every Node process of an end-to-end run: records each
 * socket connection to a host outside this machine into CLIENTIA_NET_LOG, so a test can prove that
 * starting and using the product calls nothing outside (telemetry, update checks, fonts...).
 * It only records; the connection itself goes ahead unchanged.
 */
const fs = require('node:fs');
const net = require('node:net');

const logFile = process.env.CLIENTIA_NET_LOG;

const isLocal = (host) =>
  !host ||
  host === 'localhost' ||
  host === '::1' ||
  host === '0.0.0.0' ||
  host === '::' ||
  /^127\./.test(host) ||
  /^::ffff:127\./.test(host);

if (logFile) {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const first = args[0];
    const options = Array.isArray(first)
      ? first[0]
      : first !== null && typeof first === 'object'
        ? first
        : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
    if (options && !options.path && !isLocal(options.host)) {
      fs.appendFileSync(
        logFile,
        `${JSON.stringify({ pid: process.pid, argv: process.argv.slice(1, 3).join(' '), host: options.host, port: options.port })}\n`
      );
    }
    return connect.apply(this, args);
  };
}
