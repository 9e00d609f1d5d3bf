import type { PortalRole } from '../../../shared/contracts/portal';
import type { PublicRouteSpec } from '../../src/portal/route-spec';
import { REFUSAL_MESSAGES } from '../../src/signing/refusals';
import { hasId, rolesWith, routeName, type PortalRouteSpec } from './portal-probes';

/** What one route answered to a permitted caller, as the docs describe it. */
export interface Observed {
  status: number;
  contentType: string;
  body: unknown;
}

const describe = (value: unknown, depth: number): string => {
  if (Array.isArray(value)) return value.length ? `[${describe(value[0], depth)}, …]` : '[]';
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (depth <= 0) return `{ ${entries.map(([k]) => k).join(', ')} }`;
  return `{ ${entries.map(([k, v]) => (v && typeof v === 'object' ? `${k}: ${describe(v, depth - 1)}` : k)).join(', ')} }`;
};

const isList = (observed: Observed) => Boolean((observed.body as { meta?: { pagination?: unknown } } | null)?.meta?.pagination);

const responseOf = (observed: Observed | undefined) => {
  if (!observed) return '_not observed_';
  if (!observed.contentType.includes('json')) return `${observed.status}, the file itself (\`${observed.contentType.split(';')[0]}\`, as an attachment)`;
  const body = observed.body as { data?: unknown; meta?: unknown } | null;
  if (isList(observed)) return `${observed.status}, list: \`{ data: ${describe(body?.data, 2)}, meta: ${describe(body?.meta, 2)} }\``;
  return `${observed.status}, \`{ data: ${describe(body?.data, 2)} }\``;
};

const requestOf = (spec: PortalRouteSpec, observed: Observed | undefined) => {
  const parts: string[] = [];
  if (hasId(spec)) parts.push(`\`:id\`: documentId of a ${spec.idOf?.replace('plugin::clientia.', '') ?? 'record'} of the caller's client`);
  const query = ['client'];
  if (observed && isList(observed)) query.push('page', 'pageSize (≤ 100)', 'sort');
  query.push(...(spec.queryKeys ?? []));
  parts.push(`query: ${query.map((q) => `\`${q}\``).join(', ')}`);
  if (spec.example?.body) parts.push(`JSON body, e.g. \`${JSON.stringify(spec.example.body)}\``);
  if (spec.example?.multipart) {
    const fields = Object.keys(spec.example.multipart.fields ?? {});
    parts.push(`multipart: file in \`${spec.example.multipart.field}\`${fields.length ? `, fields ${fields.map((f) => `\`${f}\``).join(', ')}` : ''}`);
  }
  return parts.join('; ');
};

const ROLE_ORDER: PortalRole[] = ['owner', 'admin', 'billing', 'member'];

/**
 * docs/portal-api.md, generated from PORTAL_ROUTES, the role capabilities and real answers, then
 * the public routes as their specs describe them.
 */
export const renderPortalApiDoc = (routes: readonly PortalRouteSpec[], observed: Map<string, Observed>, publicRoutes: readonly PublicRouteSpec[] = []) => {
  const lines = [
    '# Portal API',
    '',
    '<!-- Generated from PORTAL_ROUTES by `node scripts/portal-api-docs.mjs`; a test fails when this file is out of date. -->',
    '',
    'The routes a client’s contacts call with their own users-permissions JWT (`Authorization: Bearer <jwt>`), under `/api/clientia`.',
    '',
    '- The client is derived from the caller’s memberships. A contact of several clients picks one with the `X-Clientia-Client` header or the `client` query parameter (a client documentId); any other client is refused with 403.',
    '- Anonymous callers, API tokens and blocked accounts get 401 or 403, and so does a contact the firm deactivated for that client, from their next request; a role without the route’s capability gets 403.',
    '- An `:id` of another client and an unknown `:id` both answer 404 with the same message.',
    '- Unknown query parameters and unknown body fields answer 400 naming them; Strapi’s `filters`, `populate`, `fields` and `sort` syntax is never accepted.',
    '- Lists are `{ data, meta: { pagination } }` with at most 100 per page; money is `{ amount, currency }` in minor units; dates are ISO 8601.',
    '- Errors are `{ error: { status, name, message, details } }`; bad input is a 4xx naming the field, never a 5xx (see [Errors](#errors)).',
    ...(publicRoutes.length
      ? [`- Without sign-in: ${publicRoutes.map((spec) => `\`${spec.method} /api/clientia${spec.path}\``).join(', ')} (see [Public routes](#public-routes)). The portal signs contacts in through \`/sign-in/...\`; resetting a forgotten password is users-permissions’ own \`POST /api/auth/reset-password\`.`]
      : []),
    '',
    '| method | path | capability | roles allowed |',
    '| --- | --- | --- | --- |',
    ...routes.map((spec) => `| ${spec.method} | \`/api/clientia${spec.path}\` | ${spec.capability} | ${ROLE_ORDER.filter((r) => rolesWith(spec.capability).includes(r)).join(', ')} |`),
    '',
  ];
  for (const spec of routes) {
    const seen = observed.get(routeName(spec));
    lines.push(
      `## ${spec.method} /api/clientia${spec.path}`,
      '',
      spec.summary,
      '',
      `- Capability: \`${spec.capability}\` → ${ROLE_ORDER.filter((r) => rolesWith(spec.capability).includes(r)).join(', ')}`,
      `- Request: ${requestOf(spec, seen)}`,
      `- Response: ${responseOf(seen)}`,
      ''
    );
  }
  if (publicRoutes.length) {
    lines.push('# Public routes', '', 'Anyone may call these, signed in or not.', '');
    for (const spec of publicRoutes) {
      lines.push(`## ${spec.method} /api/clientia${spec.path}`, '', spec.summary, '', `- Request: ${spec.request}`, `- Responses: ${spec.responses}${spec.rateLimited ? '; 429 beyond users-permissions’ limit per address and email (its `ratelimit` setting), as for `/api/auth/local`' : ''}`, '');
    }
  }
  lines.push(
    '# Errors',
    '',
    'Every error has the same body, `{ data: null, error: { status, name, message, details } }`. What a caller can rely on in `details`:',
    '',
    '| status | name | when | details |',
    '| --- | --- | --- | --- |',
    '| 400 | `ValidationError` | bad input: a malformed or unknown field, query parameter or value | `errors`: one entry per problem, `{ path, message, name }`, `path` naming the field as a list (`["lineItems", 0, "quantity"]`); the message starts with the dotted path |',
    '| 401 | `UnauthorizedError` | no valid token; the token’s sign-in has ended (signed out, ended from another device, password changed or reset); a wrong code | `reason: "sign-in-ended"` for an ended sign-in; `errors` naming `code` or `recoveryCode` for a wrong code |',
    '| 403 | `ForbiddenError` | not a contact of the client asked for; a role without the route’s capability; a second factor the session never gave | `reason: "two-factor-required"` when the contact must sign in again with a second factor |',
    '| 404 | `NotFoundError` | an unknown `:id`, or one of another client (the same message for both) | none |',
    `| 409 | \`ConflictError\` | the record’s state does not allow the action | \`refusal\` on signing refusals: ${Object.keys(REFUSAL_MESSAGES).map((reason) => `\`${reason}\``).join(', ')}; \`errors\` naming the field for two-factor changes |`,
    '| 410 | `GoneError` | an invitation, sign-in link or sign-in challenge that no longer works | `errors` naming `token` or `challenge` for links and challenges |',
    '| 429 | `RateLimitError` | too many wrong codes, or too many requests | `errors` naming the field and `retryAfter` (ISO 8601) for codes |',
    ''
  );
  return `${lines.join('\n').trimEnd()}\n`;
};
