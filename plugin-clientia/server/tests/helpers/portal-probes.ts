import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type Capability, type PortalRole, CAPABILITIES } from '../../../shared/contracts/portal';
import type { PortalRouteSpec } from '../../src/portal/route-spec';
import { PORTAL_ROUTES } from '../../src/routes/content-api/portal';
import { buildPortalWorld, type Persona, type PortalWorld } from './portal-world';
import { CLIENT_MARKER, recordFactory, STAFF_ONLY_MARKER, threadAttachments, TINY_PDF, type ClientSide, type MadeRecord, type RecordFactory } from './portal-records';
import { startTestApp, type TestApp } from './test-app';

/** Strapi for a security test file, with client documents stored in a throwaway folder. */
export const startSecurityApp = async () => {
  const documentsDir = mkdtempSync(path.join(os.tmpdir(), 'clientia-documents-'));
  const app = await startTestApp({ env: { CLIENTIA_DOCUMENTS_DIR: documentsDir } });
  const stop = app.stop.bind(app);
  app.stop = async (options) => {
    await stop(options);
    rmSync(documentsDir, { recursive: true, force: true });
  };
  assertRoutesMounted(app);
  return app;
};

export { PORTAL_ROUTES, STAFF_ONLY_MARKER, TINY_PDF };
export type { PortalRouteSpec };

export const PERSONAS: readonly Persona[] = ['anonymous', 'apiToken', 'memberA', 'billingA', 'adminA', 'ownerA', 'contactB', 'contactAB', 'blocked'];

/** The client and role each signed-in persona acts with (contactAB acts as B, where it is a member). */
export const ACTING: Partial<Record<Persona, { side: ClientSide; role: PortalRole; signatory: boolean }>> = {
  memberA: { side: 'A', role: 'member', signatory: false },
  billingA: { side: 'A', role: 'billing', signatory: false },
  adminA: { side: 'A', role: 'admin', signatory: false },
  ownerA: { side: 'A', role: 'owner', signatory: true },
  contactB: { side: 'B', role: 'owner', signatory: true },
  contactAB: { side: 'B', role: 'member', signatory: false },
};

export const routeName = (spec: Pick<PortalRouteSpec, 'method' | 'path'>) => `${spec.method} ${spec.path}`;
export const hasId = (spec: PortalRouteSpec) => spec.path.includes(':id');
export const isWrite = (spec: PortalRouteSpec) => spec.method !== 'GET';
export const isList = (spec: PortalRouteSpec) => spec.method === 'GET' && !hasId(spec);
export const rolesWith = (capability: Capability) => (Object.keys(CAPABILITIES) as PortalRole[]).filter((role) => CAPABILITIES[role].has(capability));

export type IdKind = 'own' | 'foreign' | 'missing' | 'none';

/**
 * Routes whose answer depends on more than the role's capability, each with the reason. The
 * matrix applies these instead of the generic expectation and prints them, so an exception is
 * visible in the output instead of being a silent skip.
 */
export interface ProbeException {
  route: string;
  reason: string;
  /** The statuses expected instead, for a persona and id kind the generic rule would expect 2xx for. */
  expect(persona: Persona, idKind: IdKind): number[] | null;
}

export const PROBE_EXCEPTIONS: ProbeException[] = [
  {
    route: 'POST /contracts/:id/sign',
    reason: 'the probe is no signatory of a contract sent for signature with its document hash, so signing is refused with 409 (contract-signing.test.ts signs for real)',
    expect: () => [409],
  },
  {
    route: 'POST /contracts/:id/decline',
    reason: 'as for signing: the probe cannot decline a contract it was not asked to sign (409)',
    expect: () => [409],
  },
  {
    route: 'GET /contracts/:id/signed-file',
    reason: 'a contract has a signed document only once every signatory has signed; the probe contracts are unsigned (404)',
    expect: () => [404],
  },
  {
    route: 'POST /security/two-factor/confirm',
    reason: 'the example code is not the current code of the app the probe set up (400 naming code), or no set-up was started (409); two-factor.test.ts confirms with a real code',
    expect: () => [400, 409],
  },
  {
    route: 'POST /security/two-factor/disable',
    reason: 'the probe personas have no authenticator app, so there is nothing to turn off (409); two-factor.test.ts turns it off for real',
    expect: () => [409],
  },
  {
    route: 'POST /security/recovery-codes',
    reason: 'as for disable: without an authenticator app there are no recovery codes to renew (409)',
    expect: () => [409],
  },
  {
    route: 'DELETE /sessions/:id',
    reason: 'sessions belong to an account, not a client: the client’s session the probe names is a colleague’s, so it is 404 to everyone (sign-in-sessions.test.ts ends own sessions)',
    expect: () => [404],
  },
  {
    route: 'PUT /password',
    reason: 'the probe does not know the persona’s password: a wrong current password is 400 naming currentPassword (sign-in-sessions.test.ts changes a password for real)',
    expect: () => [400],
  },
  {
    route: 'PUT /security/passkeys/:id',
    reason: 'passkeys belong to an account, not a client: the client’s passkey the probe names is a colleague’s, so it is 404 to everyone (passkeys.test.ts renames own passkeys)',
    expect: () => [404],
  },
  {
    route: 'DELETE /security/passkeys/:id',
    reason: 'as for renaming: the client’s passkey the probe names is a colleague’s (404)',
    expect: () => [404],
  },
  {
    route: 'POST /security/passkeys',
    reason: 'the example carries no challenge of the persona’s and no real authenticator response, so registration is refused with 400 (passkeys.test.ts registers with a software authenticator)',
    expect: () => [400],
  },
];

export const exceptionFor = (spec: PortalRouteSpec) => PROBE_EXCEPTIONS.find((e) => e.route === routeName(spec));

/** What the spec says a persona gets: a list of acceptable statuses, or 'success' for any 2xx. */
export const expectedStatus = (spec: PortalRouteSpec, persona: Persona, idKind: IdKind): number[] | 'success' => {
  if (persona === 'anonymous' || persona === 'blocked') return [401, 403];
  if (persona === 'apiToken') return [403];
  const acting = ACTING[persona]!;
  if (!CAPABILITIES[acting.role].has(spec.capability)) return [403];
  if (idKind === 'foreign' || idKind === 'missing') return [404];
  const special = exceptionFor(spec)?.expect(persona, idKind);
  return special ?? 'success';
};

export const statusMatches = (expected: number[] | 'success', status: number) =>
  expected === 'success' ? status >= 200 && status < 300 : expected.includes(status);

export interface ProbeRequest {
  persona: Persona;
  id?: string;
  query?: Record<string, unknown> | string;
  /** JSON body; `undefined` sends the spec's example (or the multipart PDF for uploads). */
  body?: unknown;
  /** Skip the example body entirely (a write route called with nothing). */
  noBody?: boolean;
}

export const MISSING_ID = 'zz9missingdocid0000000000';

/** The world of the security suite: personas of two clients and records of every type each route names. */
export interface SecurityWorld extends PortalWorld {
  app: TestApp;
  factory: RecordFactory;
  made: Record<ClientSide, MadeRecord[]>;
  /** Things that belong to one client only: never in a response to the other client's contacts. */
  privateTo: Record<ClientSide, Set<string>>;
  clients: Record<ClientSide, { id: number; documentId: string; name: string }>;
  /** A record of `uid` for the client, made fresh (write probes change what they touch). */
  fresh(uid: string, side: ClientSide): Promise<string>;
  /** The record of `uid` made once per client for read probes. */
  standing(uid: string, side: ClientSide): Promise<string>;
}

export const buildSecurityWorld = async (app: TestApp): Promise<SecurityWorld> => {
  const world = await buildPortalWorld(app);
  const factory = recordFactory(app);
  const clients = { A: world.clientA, B: world.clientB };
  const made: Record<ClientSide, MadeRecord[]> = { A: [], B: [] };
  const privateTo: Record<ClientSide, Set<string>> = {
    A: new Set([CLIENT_MARKER.A, world.clientA.documentId, world.clientA.name, world.emails.memberA, world.emails.billingA, world.emails.adminA, world.emails.ownerA, world.emails.blocked]),
    B: new Set([CLIENT_MARKER.B, world.clientB.documentId, world.clientB.name, world.emails.contactB]),
  };
  const standing = new Map<string, string>();

  const make = async (uid: string, side: ClientSide) => {
    const before = made[side].length;
    const record = await factory.make(uid, clients[side], side, made[side]);
    for (const m of made[side].slice(before)) m.identifiers.forEach((i) => privateTo[side].add(i));
    return record.documentId;
  };

  for (const side of ['A', 'B'] as const) {
    await factory.staffOnly(clients[side]);
    // Something of every type a route names, so lists have rows to leak.
    for (const uid of new Set(PORTAL_ROUTES.map((r) => r.idOf).filter((u): u is string => Boolean(u)))) {
      standing.set(`${uid}:${side}`, await make(uid, side));
    }
    for (const uid of ['plugin::clientia.contract', 'plugin::clientia.invoice', 'plugin::clientia.payment', 'plugin::clientia.seat', 'plugin::clientia.document', 'plugin::clientia.milestone', 'plugin::clientia.thread', 'plugin::clientia.time-entry', 'plugin::clientia.membership']) {
      await make(uid, side);
    }
  }

  return {
    ...world,
    app,
    factory,
    made,
    privateTo,
    clients,
    fresh: make,
    async standing(uid, side) {
      const key = `${uid}:${side}`;
      if (!standing.has(key)) standing.set(key, await make(uid, side));
      return standing.get(key)!;
    },
  };
};

/** The side whose data the persona may see (none for those refused outright). */
export const sideOf = (persona: Persona): ClientSide | null => ACTING[persona]?.side ?? null;
export const otherSide = (side: ClientSide): ClientSide => (side === 'A' ? 'B' : 'A');

/**
 * What must never appear in a response to a persona: the other client's identifiers and any staff
 * marker. contactAB is a member of both clients, so A's client name and documentId (its own
 * membership) are not secrets to it; A's records and contacts still are.
 */
export const forbiddenFor = (world: SecurityWorld, persona: Persona): string[] => {
  const side = sideOf(persona);
  const out = new Set<string>([STAFF_ONLY_MARKER]);
  if (!side) return [...out];
  for (const value of world.privateTo[otherSide(side)]) out.add(value);
  if (persona === 'contactAB') {
    out.delete(world.clientA.documentId);
    out.delete(world.clientA.name);
  }
  return [...out].filter((v) => v.length >= 4);
};

/** The forbidden strings a response text contains. */
export const leaksIn = (text: string, forbidden: readonly string[]) => forbidden.filter((value) => text.includes(value));

const STACK_TRACE = [/\n\s+at [^\n]*:\d+:\d+/, /node_modules\//, /Error: [^"\n]*\/[\w.-]+\.(?:js|ts|mjs|cjs)\b/, /\bat (?:async )?[\w.<>]+ \(\//];
export const looksLikeStackTrace = (text: string) => STACK_TRACE.some((pattern) => pattern.test(text));

/** A well-formed attachment key that names no file. */
export const MISSING_KEY = '0'.repeat(24);

/**
 * The parameters besides :id, resolved from the record :id names, so an own id probes a real
 * sub-record and a foreign one probes the other client's (never a made-up one that would 404 anyway).
 */
const SUB_PARAMS: Record<string, (id: string) => string> = {
  ':messageId': (id) => threadAttachments.get(id)?.messageId ?? MISSING_ID,
  ':key': (id) => threadAttachments.get(id)?.key ?? MISSING_KEY,
};

export const pathFor = (spec: PortalRouteSpec, id?: string) => {
  const params = spec.path.match(/:\w+/g) ?? [];
  const unknown = params.filter((p) => p !== ':id' && !(p in SUB_PARAMS));
  if (unknown.length) throw new Error(`${routeName(spec)}: the probes only know :id, ${Object.keys(SUB_PARAMS).join(', ')}, not ${unknown.join(', ')}`);
  const target = id ?? MISSING_ID;
  let url = spec.path.replace(':id', encodeURIComponent(target));
  for (const [param, resolve] of Object.entries(SUB_PARAMS)) url = url.replace(param, encodeURIComponent(resolve(target)));
  return `/api/clientia${url}`;
};

/** One request as a persona, with the spec's example body unless told otherwise. */
const probeRequest = (world: SecurityWorld, spec: PortalRouteSpec, probe: ProbeRequest) => {
  const http = world.app.http();
  const url = pathFor(spec, probe.id);
  const method = spec.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let request = http[method](url);
  const auth = world.auth[probe.persona];
  if (auth) request = request.set('Authorization', auth);
  const selector = world.selector[probe.persona];
  if (selector) request = request.set('X-Clientia-Client', selector);
  if (probe.query !== undefined) request = request.query(probe.query as Record<string, string>);
  if (!isWrite(spec) || probe.noBody) return request;
  const multipart = spec.example?.multipart;
  if (multipart && probe.body === undefined) {
    for (const [key, value] of Object.entries(multipart.fields ?? {})) request = request.field(key, value);
    return request.attach(multipart.field, TINY_PDF, { filename: 'engagement-letter.pdf', contentType: 'application/pdf' });
  }
  const body = probe.body === undefined ? (spec.example?.body ?? {}) : probe.body;
  return request.set('Content-Type', 'application/json').send(JSON.stringify(body));
};

/** Routes that can end the caller's own sign-in session (signing out, ending sessions). */
const endsSessions = (spec: PortalRouteSpec) => spec.method !== 'GET' && spec.path.startsWith('/sessions');

/** One probe, answered; a persona whose session the probe ended gets a new one for the next. */
export const send = async (world: SecurityWorld, spec: PortalRouteSpec, probe: ProbeRequest) => {
  const response = await probeRequest(world, spec, probe);
  if (endsSessions(spec) && response.status < 300 && probe.persona !== 'anonymous' && probe.persona !== 'apiToken') await world.renew(probe.persona);
  return response;
};

/**
 * The running Strapi must serve exactly the routes of the table this suite was generated from;
 * otherwise the plugin build is stale and every expectation would be off.
 */
export const assertRoutesMounted = (app: TestApp) => {
  const mounted = (app.strapi.plugin('clientia').routes as unknown as Record<string, { routes: { method: string; path: string; handler: string; config?: { policies?: { config?: { capability?: string } }[] } }[] }>)['content-api'].routes;
  const key = (r: { method: string; path: string; handler: string }, capability?: string) => `${r.method} ${r.path} ${r.handler} ${capability}`;
  const served = new Set(mounted.map((r) => key(r, r.config?.policies?.[0]?.config?.capability)));
  const missing = PORTAL_ROUTES.filter((spec) => !served.has(key(spec, spec.capability))).map(routeName);
  if (missing.length) {
    throw new Error(`the running plugin does not serve ${missing.join(', ')} as specified: rebuild it (npm run build:plugin)`);
  }
};

export { buildPortalWorld };
export type { Persona };
