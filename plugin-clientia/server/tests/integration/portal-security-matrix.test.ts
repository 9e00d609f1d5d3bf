import {
  ACTING,
  buildSecurityWorld,
  exceptionFor,
  expectedStatus,
  forbiddenFor,
  hasId,
  isWrite,
  leaksIn,
  MISSING_ID,
  PERSONAS,
  PORTAL_ROUTES,
  PROBE_EXCEPTIONS,
  routeName,
  send,
  startSecurityApp,
  statusMatches,
  type IdKind,
  type Persona,
  type PortalRouteSpec,
  type SecurityWorld,
} from '../helpers/portal-probes';
import type { TestApp } from '../helpers/test-app';

/**
 * OWASP API1 for every portal route: each persona × own, foreign and missing id, with the expected
 * status derived from the route's capability. Generated from PORTAL_ROUTES, so a new route is
 * probed without a line added here.
 */
describe('portal authorization matrix', () => {
  let app: TestApp;
  let world: SecurityWorld;

  beforeAll(async () => {
    app = await startSecurityApp();
    world = await buildSecurityWorld(app);
  });
  afterAll(async () => app?.stop());

  interface Finding {
    route: string;
    persona: Persona;
    idKind: IdKind;
    id?: string;
    expected: string;
    status: number;
    body: string;
  }

  const idFor = async (spec: PortalRouteSpec, persona: Persona, kind: IdKind) => {
    if (kind === 'none') return undefined;
    if (kind === 'missing') return MISSING_ID;
    if (!spec.idOf) throw new Error(`${routeName(spec)} has :id but no idOf`);
    const own = ACTING[persona]?.side ?? 'A';
    const side = kind === 'own' ? own : own === 'A' ? 'B' : 'A';
    // A write changes or removes what it touches: each write probe gets its own record.
    return isWrite(spec) ? world.fresh(spec.idOf, side) : world.standing(spec.idOf, side);
  };

  it('answers every persona on every route as the route’s capability says, and never leaks the other client', async () => {
    const unexpected: Finding[] = [];
    const leaks: (Finding & { leaked: string[] })[] = [];
    let probes = 0;

    for (const spec of PORTAL_ROUTES) {
      const kinds: IdKind[] = hasId(spec) ? ['own', 'foreign', 'missing'] : ['none'];
      for (const persona of PERSONAS) {
        for (const idKind of kinds) {
          const id = await idFor(spec, persona, idKind);
          const expected = expectedStatus(spec, persona, idKind);
          const response = await send(world, spec, { persona, id });
          probes += 1;
          const text = typeof response.text === 'string' ? response.text : '';
          const finding = { route: routeName(spec), persona, idKind, id, expected: String(expected), status: response.status, body: text.slice(0, 300) };
          if (!statusMatches(expected, response.status)) unexpected.push(finding);
          if (response.status >= 200 && response.status < 300) {
            const leaked = leaksIn(text, forbiddenFor(world, persona));
            if (leaked.length) leaks.push({ ...finding, leaked });
          }
        }
      }
    }

    console.log(
      `portal authorization matrix: ${probes} probes over ${PORTAL_ROUTES.length} routes, ${leaks.length} leaks, ${unexpected.length} unexpected statuses` +
        (PROBE_EXCEPTIONS.length ? `\n  documented exceptions:\n${PROBE_EXCEPTIONS.map((e) => `    ${e.route}: ${e.reason}`).join('\n')}` : '')
    );
    const report = [
      ...unexpected.map((f) => `UNEXPECTED STATUS ${f.route} as ${f.persona} (${f.idKind} id ${f.id ?? '-'}): expected ${f.expected}, got ${f.status} ${f.body}`),
      ...leaks.map((f) => `LEAK ${f.route} as ${f.persona} (${f.idKind} id ${f.id ?? '-'}): ${f.status} contains ${f.leaked.join(', ')}`),
    ];
    if (report.length) console.error(report.join('\n'));
    expect(report).toEqual([]);
  });

  it('lists the routes whose own-id probe is a documented exception, each still covered', () => {
    for (const exception of PROBE_EXCEPTIONS) {
      const spec = PORTAL_ROUTES.find((s) => routeName(s) === exception.route);
      expect({ route: exception.route, inTable: Boolean(spec) }).toEqual({ route: exception.route, inTable: true });
      expect(exceptionFor(spec!)).toBe(exception);
    }
  });
});
