import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PortalApi } from '../../src/lib/server/api';
import { signerHeaders } from '../../src/lib/server/signing';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server on loopback standing where Strapi would; each call is answered 200 and recorded. */
let server: Server;
const seen: Seen[] = [];
let api: PortalApi;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url?.endsWith('/signed-file')) {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.7');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: {} }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The portal reads its Strapi address once, from the environment, when first asked.
  process.env.STRAPI_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { portalApi } = await import('../../src/lib/server/api');
  api = portalApi('contact-jwt', 'client-7');
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const signer = signerHeaders({ clientAddress: '203.0.113.24', sessionKey: 'f'.repeat(64), userAgent: 'Mozilla/5.0', authMethod: 'password' });

describe('the signing calls', () => {
  it('open the signing view in the contact’s language, with the signer’s context', async () => {
    await api.signingView('c/1', 'de', signer);
    const call = seen.at(-1)!;
    expect(call.method).toBe('GET');
    expect(call.url).toBe('/api/clientia/contracts/c%2F1/signing?locale=de');
    expect(call.headers).toMatchObject({
      authorization: 'Bearer contact-jwt',
      'x-clientia-client': 'client-7',
      'x-forwarded-for': '203.0.113.24',
      'x-clientia-session': signer['x-clientia-session'],
      'x-clientia-auth-method': 'password',
      'x-clientia-user-agent': 'Mozilla/5.0',
    });
  });

  it('sign and decline with JSON bodies and the same context', async () => {
    const body = { documentHash: 'a'.repeat(64), consent: true, consentVersion: 'b'.repeat(64), typedName: 'Mara Lindqvist' };
    await api.signContract('c1', body, signer);
    let call = seen.at(-1)!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('/api/clientia/contracts/c1/sign');
    expect(call.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call.body)).toEqual(body);
    expect(call.headers['x-clientia-session']).toBe(signer['x-clientia-session']);

    await api.declineContract('c1', { reason: 'Clause 4 is not what we agreed.' }, signer);
    call = seen.at(-1)!;
    expect(call.url).toBe('/api/clientia/contracts/c1/decline');
    expect(JSON.parse(call.body)).toEqual({ reason: 'Clause 4 is not what we agreed.' });
    expect(call.headers['x-forwarded-for']).toBe('203.0.113.24');
  });

  it('never lets extra headers replace the contact’s token or client', async () => {
    await api.signingView('c1', 'en', { ...signer, Authorization: 'Bearer someone-else', 'X-Clientia-Client': 'client-9' });
    const call = seen.at(-1)!;
    expect(call.headers.authorization).toBe('Bearer contact-jwt');
    expect(call.headers['x-clientia-client']).toBe('client-7');
  });

  it('fetch the signed PDF and the verification without the signer’s context', async () => {
    const pdf = await api.signedContractFile('c1');
    expect(await pdf.text()).toBe('%PDF-1.7');
    expect(seen.at(-1)!.url).toBe('/api/clientia/contracts/c1/signed-file');
    expect(seen.at(-1)!.headers['x-clientia-session']).toBeUndefined();

    await api.contractVerification('c1');
    expect(seen.at(-1)!.url).toBe('/api/clientia/contracts/c1/verification');
    expect(seen.at(-1)!.headers['x-forwarded-for']).toBeUndefined();
  });
});
