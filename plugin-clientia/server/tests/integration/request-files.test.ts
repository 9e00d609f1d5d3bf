import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { buildPortalWorld, type PortalWorld } from '../helpers/portal-world';
import { leftoverUploads, marked } from '../helpers/leftover-uploads';
import { adminToken, startTestApp, type TestApp } from '../helpers/test-app';

/** A PDF-looking file of `size` bytes carrying this run's marker, so its temporary copy can be found. */
const upload = (size: number) => marked(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]));

interface RawAnswer {
  status: number;
  body: string;
}

/**
 * A request written by hand: only the headers go out, and the answer is awaited before any body.
 * It shows a refusal made on the headers alone, before the body parser could read a byte.
 */
const headersOnly = async (app: TestApp, path: string, headers: Record<string, string>): Promise<RawAnswer> => {
  const server = app.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    // Destroying the request after the answer ends it without the rest of the body.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    request.flushHeaders();
  });
};

describe('multipart bodies: only where a route takes files, and no temporary file left behind', () => {
  let app: TestApp;
  let world: PortalWorld;
  let staffToken: string;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildPortalWorld(app);
    staffToken = await adminToken(app);
  });
  afterAll(async () => {
    await app?.stop();
  });
  afterEach(() => {
    expect(leftoverUploads()).toEqual([]);
  });

  it('refuses a multipart body on every route that takes no files, before anything is written to disk', async () => {
    const routes = ['/api/auth/local', '/admin/login', '/no-such-route', '/api/clientia/sign-in/password', '/api/auth/forgot-password', '/api/clientia/password-resets'];
    for (const path of routes) {
      const response = await app.http().post(path).field('identifier', 'someone@client.example').attach('file', upload(2 * 1024 * 1024), 'big.pdf');
      expect({ path, status: response.status, name: response.body.error?.name }).toEqual({ path, status: 415, name: 'UnsupportedMediaTypeError' });
      expect(response.body.error.message).toMatch(/does not take files/);
    }
    // An admin JSON route, signed in: still no files.
    const invoice = await app.http().put('/clientia/invoices/abc').set('Authorization', `Bearer ${staffToken}`).attach('pdf', upload(1024), 'x.pdf');
    expect(invoice.status).toBe(415);
  });

  it('refuses an upload larger than its route takes on its declared length, and one that declares none', async () => {
    const tooLarge = await headersOnly(app, '/api/clientia/documents', {
      'Content-Type': 'multipart/form-data; boundary=clientia',
      'Content-Length': String(190 * 1024 * 1024),
      Authorization: world.auth.ownerA!,
    });
    expect(tooLarge.status).toBe(413);
    const refusal = JSON.parse(tooLarge.body).error;
    expect(refusal.message).toBe('file: the upload is larger than this route takes (25 MiB of files)');
    expect(refusal.details.errors[0].path).toEqual(['file']);

    const unknownLength = await headersOnly(app, '/api/clientia/documents', {
      'Content-Type': 'multipart/form-data; boundary=clientia',
      'Transfer-Encoding': 'chunked',
      Authorization: world.auth.ownerA!,
    });
    expect(unknownLength.status).toBe(411);
  });

  it('removes the temporary files of uploads refused after parsing, whatever the field or the route', async () => {
    // Not signed in, a field the route does not read, and the media library without a staff token.
    await app.http().post('/api/clientia/documents').attach('file', upload(64 * 1024), 'a.pdf').expect(403);
    const otherField = await app.http().post('/api/clientia/documents').set('Authorization', world.auth.ownerA!).attach('other', upload(64 * 1024), 'b.pdf');
    expect(otherField.status).toBe(400);
    await app.http().post('/upload').attach('files', upload(64 * 1024), 'c.pdf').attach('more', upload(1024), 'd.pdf').expect(401);
    const staff = await app.http().post('/clientia/contracts/no-such-contract/file').set('Authorization', `Bearer ${staffToken}`).attach('file', upload(1024), 'e.pdf');
    expect(staff.status).toBe(404);
  });

  it('still takes the uploads its routes are for', async () => {
    const response = await app
      .http()
      .post('/api/clientia/documents')
      .set('Authorization', world.auth.ownerA!)
      .field('title', 'Signed purchase order')
      .attach('file', upload(32 * 1024), 'purchase-order.pdf');
    expect(response.status).toBe(201);
  });
});
