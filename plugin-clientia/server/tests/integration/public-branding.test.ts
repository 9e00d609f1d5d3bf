import { startTestApp, type TestApp } from '../helpers/test-app';

describe('public branding: fresh on every page, cheap to revalidate', () => {
  let app: TestApp;

  const get = (ifNoneMatch?: string) => {
    const request = app.http().get('/api/clientia/branding');
    if (ifNoneMatch !== undefined) request.set('If-None-Match', ifNoneMatch);
    return request;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.stop());

  it('sends a strong ETag and asks caches to revalidate every time', async () => {
    const response = await get().expect(200);
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect((await get().expect(200)).headers.etag).toBe(response.headers.etag);
  });

  it('answers 304 without a body to a matching If-None-Match, in any of its forms', async () => {
    const { etag } = (await get().expect(200)).headers;
    for (const header of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const response = await get(header);
      expect({ header, status: response.status }).toEqual({ header, status: 304 });
      expect(response.text ?? '').toBe('');
      expect(response.headers.etag).toBe(etag);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    const other = await get('"not-the-tag"').expect(200);
    expect(other.body.data.firmName).toBe('Client portal');
  });

  it('changes the tag when anything public changes, and only then', async () => {
    const before = (await get().expect(200)).headers.etag;
    const branding = await app.strapi.documents('plugin::clientia.branding').create({ data: { firmName: 'Quay & Rowan', primaryColor: '#204060' } as never });
    const created = await get(before).expect(200);
    expect(created.body.data).toMatchObject({ firmName: 'Quay & Rowan', primaryColor: '#204060' });
    expect(created.headers.etag).not.toBe(before);

    // The sender address is not public: the brand clients see is the same, and so is its tag.
    await app.strapi.documents('plugin::clientia.branding').update({ documentId: branding.documentId, data: { emailSenderAddress: 'portal@quay.example' } as never });
    await get(created.headers.etag).expect(304);

    await app.strapi.documents('plugin::clientia.branding').update({ documentId: branding.documentId, data: { accentColor: '#0b6e4f' } as never });
    const changed = await get(created.headers.etag).expect(200);
    expect(changed.body.data.accentColor).toBe('#0b6e4f');
    expect(changed.headers.etag).not.toBe(created.headers.etag);
  });

  it('still refuses query parameters, before any caching', async () => {
    const { etag } = (await get().expect(200)).headers;
    const response = await app.http().get('/api/clientia/branding').query({ populate: '*' }).set('If-None-Match', etag).expect(400);
    expect(response.body.error.message).toContain('populate');
  });
});
