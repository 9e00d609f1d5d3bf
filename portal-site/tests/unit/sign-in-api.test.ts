import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** Loopback HTTP standing where Strapi would: records each call, answers from `answers` or 200. */
let server: Server;
const seen: Seen[] = [];
const answers = new Map<string, { status: number; body: unknown }>();
let signIn: typeof import('../../src/lib/server/sign-in');

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: body ? JSON.parse(body) : undefined });
      const answer = answers.get(req.url ?? '') ?? { status: 200, body: { data: { status: 'second-factor', challenge: 'c', expiresAt: 'x' } } };
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.STRAPI_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = 'https://portal.firm.example';
  signIn = await import('../../src/lib/server/sign-in');
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const browser = { clientAddress: '203.0.113.24', userAgent: 'Mozilla/5.0 (Macintosh)' };
const forwarded = {
  'x-forwarded-for': '203.0.113.24',
  'x-clientia-user-agent': 'Mozilla/5.0 (Macintosh)',
};

describe('the sign-in calls to the API', () => {
  it('post each step to the plugin, never to users-permissions, with the browser named', async () => {
    await signIn.passwordStep('ann@client.example', 'correct horse', browser);
    await signIn.requestSignInLink('ann@client.example', browser);
    await signIn.redeemSignInLink('link-token', browser);
    await signIn.proveSecondFactor('challenge-1', { code: '123456' }, browser);
    await signIn.proveSecondFactor('challenge-1', { recoveryCode: 'k7m2-q9xp' }, browser);
    await signIn.startSignInEnrolment('challenge-2', browser);
    await signIn.confirmSignInEnrolment('challenge-2', '654321', browser);
    await signIn.passkeySignInOptions(browser);
    await signIn.passkeySignIn('challenge-3', { id: 'cred' }, browser);

    expect(seen.map((call) => [call.method, call.url, call.body])).toEqual([
      ['POST', '/api/clientia/sign-in/password', { email: 'ann@client.example', password: 'correct horse' }],
      ['POST', '/api/clientia/sign-in/links', { email: 'ann@client.example' }],
      ['POST', '/api/clientia/sign-in/links/redeem', { token: 'link-token' }],
      ['POST', '/api/clientia/sign-in/second-factor', { challenge: 'challenge-1', code: '123456' }],
      ['POST', '/api/clientia/sign-in/second-factor', { challenge: 'challenge-1', recoveryCode: 'k7m2-q9xp' }],
      ['POST', '/api/clientia/sign-in/enrolment', { challenge: 'challenge-2' }],
      ['POST', '/api/clientia/sign-in/enrolment/confirm', { challenge: 'challenge-2', code: '654321' }],
      ['POST', '/api/clientia/sign-in/passkey/options', {}],
      ['POST', '/api/clientia/sign-in/passkey', { challenge: 'challenge-3', response: { id: 'cred' } }],
    ]);
    for (const call of seen) {
      expect(call.headers).toMatchObject(forwarded);
      expect(call.headers.authorization, 'no token on a sign-in call').toBeUndefined();
    }
  });

  it('offers only the password when the API cannot say what else the firm allows', async () => {
    answers.set('/api/clientia/sign-in/options', { status: 503, body: { error: { status: 503, message: 'down' } } });
    expect(await signIn.signInOptions(Date.now() + 60_000)).toEqual({ magicLinks: false });
    answers.set('/api/clientia/sign-in/options', { status: 200, body: { data: { magicLinks: true } } });
    expect(await signIn.signInOptions(Date.now() + 120_000)).toEqual({ magicLinks: true });
    // Kept for a few seconds: the sign-in page does not ask the API on every view.
    answers.set('/api/clientia/sign-in/options', { status: 200, body: { data: { magicLinks: false } } });
    expect(await signIn.signInOptions(Date.now() + 125_000)).toEqual({ magicLinks: true });
    expect(await signIn.signInOptions(Date.now() + 200_000)).toEqual({ magicLinks: false });
  });
});
