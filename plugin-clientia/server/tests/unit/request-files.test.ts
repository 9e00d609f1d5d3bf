import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import requestFiles, { type RequestFilesContext } from '../../src/middlewares/request-files';

const appWith = (fileRoutes: string[]) =>
  ({ config: { get: (key: string, fallback: unknown) => (key === 'plugin::clientia.fileRoutes' ? fileRoutes : fallback) } }) as unknown as Core.Strapi;

const multipart = (method: string, urlPath: string, length?: number): RequestFilesContext => ({
  method,
  path: urlPath,
  request: { length },
  is: (...types: string[]) => (types.includes('multipart') ? 'multipart' : false),
});

describe('request-files middleware', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'clientia-request-files-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lets a multipart body through to the app’s own file routes, and refuses it elsewhere', async () => {
    const middleware = requestFiles(undefined, { strapi: appWith(['POST /api/careers/:id/cv']) });
    const next = jest.fn(async () => undefined);
    await middleware(multipart('POST', '/api/careers/7/cv', 1024), next);
    expect(next).toHaveBeenCalledTimes(1);
    await expect(middleware(multipart('POST', '/api/careers', 1024), next)).rejects.toMatchObject({ status: 415 });
    await expect(middleware(multipart('PUT', '/api/careers/7/cv', 1024), next)).rejects.toMatchObject({ status: 415 });
    expect(next).toHaveBeenCalledTimes(1);
    // A JSON body and a GET are none of its business.
    await middleware({ ...multipart('POST', '/api/careers', 10), is: () => false }, next);
    await middleware(multipart('GET', '/api/careers'), next);
    expect(next).toHaveBeenCalledTimes(3);
  });

  it('removes the files the parser handed the request even when a later middleware dropped them, and when the route failed', async () => {
    const middleware = requestFiles(undefined, { strapi: appWith([]) });
    const kept = path.join(folder, 'kept');
    const other = path.join(folder, 'other');
    writeFileSync(kept, 'x');
    writeFileSync(other, 'y');
    const ctx = multipart('POST', '/api/clientia/documents', 2048);
    await expect(
      middleware(ctx, async () => {
        ctx.request.files = { file: { filepath: kept }, more: [{ filepath: other }] };
        delete ctx.request.files;
        throw new Error('the route failed');
      })
    ).rejects.toThrow('the route failed');
    expect([existsSync(kept), existsSync(other)]).toEqual([false, false]);
  });
});
