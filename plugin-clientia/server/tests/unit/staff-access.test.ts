import { namedClientiaTypes } from '../../src/policies/staff-access';

const request = (path: string, extra: { querystring?: string; body?: unknown; params?: Record<string, unknown> } = {}) => ({
  params: extra.params ?? {},
  request: { method: 'GET', path, querystring: extra.querystring ?? '', body: extra.body },
});

describe('the Clientia types a staff request names', () => {
  it.each([
    ['/content-manager/collection-types/plugin::clientia.invoice', 'plain'],
    ['/content-manager/collection-types/plugin%3A%3Aclientia.invoice', 'percent-encoded'],
    ['/content-manager/collection-types/plugin%253A%253Aclientia%252Einvoice', 'encoded twice'],
    ['/content-manager/collection-types/PLUGIN::CLIENTIA.INVOICE', 'in capitals'],
  ])('finds the invoice type in a %s path (%s)', (path) => {
    expect([...namedClientiaTypes(request(path))]).toEqual(['plugin::clientia.invoice']);
  });

  it('finds types in the query, the route parameters and a JSON body', () => {
    const found = namedClientiaTypes(
      request('/content-manager/history-versions', {
        querystring: 'contentType=plugin%3A%3Aclientia.payment',
        params: { model: 'plugin::clientia.client' },
        body: { entries: [{ contentType: 'plugin::clientia.contract', entryDocumentId: 'x' }] },
      })
    );
    expect([...found].sort()).toEqual(['plugin::clientia.client', 'plugin::clientia.contract', 'plugin::clientia.payment']);
  });

  it('names nothing for other content types, and survives a malformed escape', () => {
    expect(namedClientiaTypes(request('/content-manager/collection-types/api::article.article', { querystring: '%E0%A4%A' })).size).toBe(0);
  });
});
