/** The machine's ceiling: a bare Node HTTP server answering the same small JSON every time. */
import http from 'node:http';

const json = JSON.stringify({ data: { status: 'ok', items: [1, 2, 3] } });

const server = http.createServer((_, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  response.end(json);
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
process.on('message', (/** @type {any} */ message) => {
  if (message.cmd === 'stop') {
    server.close();
    process.exit(0);
  }
});
