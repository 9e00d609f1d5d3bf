import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { StrapiClient, StrapiError } from '../../src/lib/server/strapi';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server on loopback standing where Strapi would, answering as each test sets. */
let handler: Handler = (_req, res) => res.end();
let server: Server;
let baseUrl: string;
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const json = (status: number, body: unknown): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const branding = {
  firmName: 'Quill & Co',
  logoUrl: null,
  faviconUrl: null,
  primaryColor: '#112233',
  accentColor: '#445566',
  portalUrl: null,
  supportEmail: null,
  footerText: null,
  legalText: null,
  defaultLocale: 'en',
};

describe('StrapiClient', () => {
  it('reads the public branding', async () => {
    handler = json(200, { data: branding });
    const client = new StrapiClient({ baseUrl, timeoutMs: 1000 });
    await expect(client.getBranding()).resolves.toEqual(branding);
    const request = seen.at(-1)!;
    expect(request.url).toBe('/api/clientia/branding');
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers.authorization).toBeUndefined();
  });

  it("throws Strapi's own error message and status on a non-OK answer", async () => {
    handler = json(400, { data: null, error: { status: 400, name: 'ValidationError', message: 'Unknown query parameter: x', details: {} } });
    const error = await new StrapiClient({ baseUrl, timeoutMs: 1000 }).getBranding().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StrapiError);
    expect(error).toMatchObject({ status: 400, message: 'Unknown query parameter: x', path: '/api/clientia/branding' });
  });

  it('refuses a body that is not JSON instead of rendering it', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy error page</html>');
    };
    await expect(new StrapiClient({ baseUrl, timeoutMs: 1000 }).getBranding()).rejects.toMatchObject({ status: 502 });
  });

  it('gives up after the timeout', async () => {
    handler = () => {
      /* never answers */
    };
    const started = Date.now();
    await expect(new StrapiClient({ baseUrl, timeoutMs: 200 }).getBranding()).rejects.toMatchObject({
      status: 503,
      message: expect.stringContaining('timed out'),
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports an unreachable Strapi as 503 and as unhealthy', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const client = new StrapiClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1000 });
    await expect(client.getBranding()).rejects.toMatchObject({ status: 503, message: expect.stringContaining('unreachable') });
    await expect(client.isHealthy()).resolves.toBe(false);
  });

  it("is healthy when Strapi's health probe answers 204", async () => {
    handler = (req, res) => {
      res.writeHead(req.url === '/_health' ? 204 : 404);
      res.end();
    };
    await expect(new StrapiClient({ baseUrl, timeoutMs: 1000 }).isHealthy()).resolves.toBe(true);
  });
});
