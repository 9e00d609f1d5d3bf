import fc from 'fast-check';

import {
  buildSecurityWorld,
  hasId,
  isWrite,
  looksLikeStackTrace,
  PORTAL_ROUTES,
  routeName,
  send,
  startSecurityApp,
  type PortalRouteSpec,
  type SecurityWorld,
} from './portal-probes';
import type { TestApp } from './test-app';

/** Random requests over all routes (every known injection is sent besides), spread evenly. */
const RANDOM_REQUESTS = 1300;
const runsPerRoute = Math.max(30, Math.ceil(RANDOM_REQUESTS / Math.max(1, PORTAL_ROUTES.length)));

const INJECTIONS = [
  "' OR 1=1 --",
  '1; DROP TABLE clientia_clients;',
  '{"$gt":""}',
  '../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '$where',
  '__proto__',
  'constructor',
  '*',
  '[object Object]',
  '9'.repeat(40),
  '-1',
  'null',
  'undefined',
  '\u202e\u0000\ufeff',
  'a\u0000b',
  '\u0000',
  'ä漢字🙂',
];

const shortText = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String)
);
// Long, but the whole URL stays under Node's 16 KB header limit, which is not the portal's to answer.
const text = fc.oneof(shortText, fc.nat({ max: 3000 }).map((n) => 'x'.repeat(n)));

// A lone surrogate cannot be put in a URL; everything else can.
const urlSafe = (value: string) => value.replace(/[\ud800-\udfff]/g, '?');

const queryValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, shortText, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(shortText, tie('value'), { maxKeys: 3 })),
})).value;

const queryKeys = fc.oneof(
  shortText,
  fc.constantFrom('page', 'pageSize', 'sort', 'client', 'status', 'folder', 'filters', 'populate', 'fields', 'where', '_q', 'pagination', 'locale')
);
const query = fc.dictionary(queryKeys.map(urlSafe), queryValue, { maxKeys: 5 });

const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? { a: value } : [value];
  return value;
};

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(text, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
  fc.tuple(fc.integer({ min: 50, max: 2000 }), fc.jsonValue({ maxDepth: 1 })).map(([depth, leaf]) => nested(depth, leaf)),
  fc.nat({ max: 100_000 }).map((n) => ({ body: 'y'.repeat(n), title: 'z'.repeat(Math.min(n, 5000)) }))
);

/**
 * Property: whatever a signed-in contact sends as id, query or body, the portal answers without
 * a server error and without a stack trace. Called by the fuzz test files with their share of
 * PORTAL_ROUTES.
 */
export const describePortalFuzz = (title: string, routes: readonly PortalRouteSpec[]) =>
describe(title, () => {
  let app: TestApp;
  let world: SecurityWorld;
  const failures: string[] = [];
  let requests = 0;

  beforeAll(async () => {
    app = await startSecurityApp();
    world = await buildSecurityWorld(app);
  });
  afterAll(async () => {
    console.log(`portal fuzz: ${requests} requests over ${routes.length} routes, ${failures.length} server errors`);
    await app?.stop();
  });

  const idsFor = async (spec: PortalRouteSpec) => {
    if (!hasId(spec)) return fc.constant(undefined);
    const own = await world.standing(spec.idOf!, 'A');
    const foreign = await world.standing(spec.idOf!, 'B');
    return fc.oneof(fc.constantFrom(own, foreign), text.map(urlSafe), fc.nat({ max: 120 }).map((n) => own.repeat(Math.max(1, n))));
  };

  it.each(routes.map((spec) => [routeName(spec), spec] as const))('%s: no input makes it fail or show a stack trace', async (_, spec) => {
    const ids = await idsFor(spec);
    const bodies = isWrite(spec) ? fc.oneof(fc.constant(undefined), jsonBody) : fc.constant(undefined);
    const persona = fc.constantFrom('ownerA' as const, 'contactAB' as const, 'memberA' as const);
    const found: string[] = [];
    const probe = async (who: 'ownerA' | 'contactAB' | 'memberA', id: string | undefined, q: Record<string, unknown> | undefined, body: unknown) => {
      let problem: string | null = null;
      let text = '';
      try {
        const response = await send(world, spec, { persona: who, id, query: q, body });
        text = response.text ?? '';
        problem = response.status >= 500 ? `status ${response.status}` : looksLikeStackTrace(text) ? 'stack trace in the body' : null;
      } catch (error) {
        problem = `no answer (${(error as Error).message})`;
      }
      requests += 1;
      if (problem) {
        const line = `${routeName(spec)} as ${who}: ${problem} for id=${JSON.stringify(id)?.slice(0, 80)} query=${JSON.stringify(q)?.slice(0, 200)} body=${JSON.stringify(body)?.slice(0, 200)} → ${text.slice(0, 300)}`;
        found.push(line);
        failures.push(line);
      }
    };

    // Every known injection on every route, whatever the random runs pick.
    const example = spec.example?.body ?? {};
    const firstKey = Object.keys(example)[0] ?? 'title';
    for (const injection of INJECTIONS) {
      if (hasId(spec)) await probe('ownerA', injection, undefined, undefined);
      const standing = hasId(spec) ? await world.standing(spec.idOf!, 'A') : undefined;
      await probe('ownerA', standing, { sort: injection, page: injection, ...Object.fromEntries((spec.queryKeys ?? []).map((k) => [k, injection])) }, undefined);
      await probe('ownerA', standing, { [injection]: injection }, undefined);
      if (isWrite(spec)) await probe('ownerA', hasId(spec) ? await world.fresh(spec.idOf!, 'A') : undefined, undefined, { ...example, [firstKey]: injection });
    }

    await fc.assert(
      fc.asyncProperty(ids, fc.option(query, { nil: undefined }), bodies, persona, async (id, q, body, who) => {
        await probe(who, id, q, body);
      }),
      { numRuns: runsPerRoute }
    );
    if (found.length) console.error(found.map((f) => `FUZZ ${f}`).join('\n'));
    expect(found).toEqual([]);
  });
});
