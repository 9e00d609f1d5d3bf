import { FILE_ROUTE_SHAPE } from '../../src/config';
import { parseFileRoute, PLUGIN_FILE_ROUTES, routeMatcher } from '../../src/http/file-routes';
import adminRoutes from '../../src/routes/admin';
import { PORTAL_ROUTES } from '../../src/routes/content-api/portal';

/** The admin handlers that read the request's files. */
const ADMIN_UPLOAD_HANDLERS = ['documents.upload', 'documents.addVersion', 'threads.start', 'threads.reply', 'contracts.uploadFile', 'invoices.attachPdf'];

const listed = (method: string, path: string) => PLUGIN_FILE_ROUTES.some((route) => route.method === method && route.path === path);

describe('the routes that take files', () => {
  it('lists every portal route that takes a multipart body', () => {
    const multipart = PORTAL_ROUTES.filter((spec) => spec.example?.multipart || /multipart/.test(spec.summary));
    expect(multipart.length).toBeGreaterThanOrEqual(3);
    for (const spec of multipart) expect({ route: `${spec.method} ${spec.path}`, listed: listed(spec.method, `/api/clientia${spec.path}`) }).toEqual({ route: `${spec.method} ${spec.path}`, listed: true });
  });

  it('lists every admin route whose handler reads files, and no route that does not exist', () => {
    const routes = adminRoutes().routes;
    for (const handler of ADMIN_UPLOAD_HANDLERS) {
      const route = routes.find((candidate) => candidate.handler === handler)!;
      expect({ handler, listed: listed(route.method, `/clientia${route.path}`) }).toEqual({ handler, listed: true });
    }
    const known = [...routes.map((route) => `${route.method} /clientia${route.path}`), ...PORTAL_ROUTES.map((spec) => `${spec.method} /api/clientia${spec.path}`)];
    for (const route of PLUGIN_FILE_ROUTES) expect(known).toContain(`${route.method} ${route.path}`);
  });

  it('matches like the router: any case, a trailing slash, one segment per parameter, the method too', () => {
    const match = routeMatcher(PLUGIN_FILE_ROUTES);
    expect(match('POST', '/api/clientia/threads/abc123/messages')?.path).toBe('/api/clientia/threads/:id/messages');
    expect(match('post', '/API/Clientia/Documents/')?.path).toBe('/api/clientia/documents');
    expect(match('GET', '/api/clientia/documents')).toBeNull();
    expect(match('POST', '/api/clientia/threads/a/b/messages')).toBeNull();
    expect(match('POST', '/api/clientia/documentsx')).toBeNull();
    expect(match('POST', '/api/auth/local')).toBeNull();
  });

  it('reads the app’s own file routes from the plugin config', () => {
    expect(parseFileRoute(' POST /api/careers/:id/cv ')).toEqual({ method: 'POST', path: '/api/careers/:id/cv', maxFileBytes: null, field: null });
    for (const wrong of ['GET /api/x', 'POST api/x', '/api/x', 'POST /api/x extra']) {
      expect(parseFileRoute(wrong)).toBeNull();
      expect(FILE_ROUTE_SHAPE.test(wrong)).toBe(false);
    }
  });
});
