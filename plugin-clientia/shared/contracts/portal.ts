/**
 * Portal API (`/api/clientia/...`): what a client's contacts reach with their own
 * users-permissions JWT. Ids are documentIds, dates ISO 8601, money `{ amount, currency }` in
 * minor units, errors `{ error: { status, name, message, details } }`.
 *
 * A contact of several clients picks one with the `X-Clientia-Client` header (or `client` query
 * parameter) set to the client's documentId; without it, the first of their clients by name.
 */
import { z } from 'zod';

import { pagination, requiredText } from './fields';
import type { Money } from './money';

export const PORTAL_ROLES = ['owner', 'admin', 'billing', 'member'] as const;
export type PortalRole = (typeof PORTAL_ROLES)[number];

/** The header, and the query parameter, that pick one of the caller's clients (a client documentId). */
export const CLIENT_SELECTOR_HEADER = 'x-clientia-client';
export const CLIENT_SELECTOR_QUERY_KEY = 'client';

/** The client selector in the query: one documentId (the portal policy picks the client from it). */
export const clientSelector = z.string({ error: 'must be one documentId' }).optional();

/** The query of every portal route that takes nothing else: the client selector only. */
export const portalQuery = z.strictObject({ [CLIENT_SELECTOR_QUERY_KEY]: clientSelector });

/** What a role may do inside a client (DESIGN.md, "Roles inside a client"). */
export type Capability =
  | 'dashboard'
  | 'projects'
  | 'documents'
  | 'documents.upload'
  | 'messages'
  | 'billing'
  | 'contracts'
  | 'seats'
  | 'seats.manage'
  | 'team.manage'
  | 'preferences';

const EVERYONE: readonly Capability[] = ['dashboard', 'projects', 'documents', 'documents.upload', 'messages', 'seats', 'preferences'];

/** DESIGN.md, "Roles inside a client": the one place where a portal role's rights are decided. */
export const CAPABILITIES: Record<PortalRole, ReadonlySet<Capability>> = {
  owner: new Set([...EVERYONE, 'billing', 'contracts', 'seats.manage', 'team.manage']),
  admin: new Set([...EVERYONE, 'billing', 'contracts', 'seats.manage', 'team.manage']),
  billing: new Set([...EVERYONE, 'billing', 'contracts']),
  member: new Set(EVERYONE),
};

export const can = (role: PortalRole, capability: Capability) => CAPABILITIES[role].has(capability);

export interface PortalClientRef {
  documentId: string;
  name: string;
}

/** GET /api/clientia/me */
export interface Me {
  user: { id: number; email: string; name: string };
  memberships: (PortalClientRef & { role: PortalRole; signatory: boolean })[];
  activeClient: PortalClientRef & { currency: string; locale: string | null; timezone: string | null };
  role: PortalRole;
  signatory: boolean;
  capabilities: Capability[];
}
export interface GetMeResponse {
  data: Me;
}

export const PROFILE_NAME_MAX = 120;

/** A line break or control character in a name would break every page and email that shows it. */
const isControl = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
};

/**
 * PUT /api/clientia/me — the contact's own name (1 to 120 characters once trimmed), as every
 * client they belong to sees it. Answers like GET /me.
 */
export const updateMeRequest = z.strictObject({
  name: requiredText(PROFILE_NAME_MAX).refine((name) => ![...name].some(isControl), {
    error: 'must be one line of text, without control characters',
    abort: true,
  }),
});
export type UpdateMeRequest = z.infer<typeof updateMeRequest>;
export type UpdateMeResponse = GetMeResponse;

export interface PortalPagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface PortalList<T> {
  data: T[];
  meta: { pagination: PortalPagination };
}

type SortDirection = 'asc' | 'desc';
export interface ListSort<S extends string> {
  field: S;
  direction: SortDirection;
}

/** A portal list's query as the server reads it. */
export interface ListQuery<S extends string, F extends string = never> {
  page: number;
  pageSize: number;
  sort: ListSort<S>;
  /** The list's own filters (e.g. status), each one of its allowed values. */
  filters: Partial<Record<F, string>>;
}

const SORT = /^([A-Za-z]+)(?::(asc|desc))?$/;

/** `sort=field` or `sort=field:asc|desc` on a fixed list of fields; ascending unless asked. */
const listSort = <S extends string>(sortable: readonly S[]) => {
  const message = `must be one of ${sortable.join(', ')}, optionally with :asc or :desc`;
  return z
    .string({ error: message })
    .refine((value) => (sortable as readonly string[]).includes(SORT.exec(value)?.[1] ?? ''), { error: message, abort: true })
    .transform((value): ListSort<S> => {
      const [, field, direction] = SORT.exec(value)!;
      return { field: field as S, direction: (direction as SortDirection | undefined) ?? 'asc' };
    });
};

const listFilter = (allowed: readonly string[]) =>
  z.string({ error: `must be one of ${allowed.join(', ')}` }).refine((value) => allowed.includes(value), {
    error: `must be one of ${allowed.join(', ')}`,
    abort: true,
  });

/**
 * The query of a portal list: page and pageSize, a sort on a fixed list of fields
 * (`sort=dueDate:desc`), the list's own filters with their allowed values, the client selector,
 * and any `extra` parameters the list takes. Anything else is refused: nothing from the query
 * reaches a database query unless it is named here.
 */
export const listQuery = <S extends string, F extends string = never, E extends z.ZodRawShape = Record<never, never>>(options: {
  sortable: readonly S[];
  defaultSort: ListSort<S>;
  filters?: Record<F, readonly string[]>;
  extra?: E;
}) => {
  const filterKeys = Object.keys(options.filters ?? {}) as F[];
  const filterShape = Object.fromEntries(filterKeys.map((key) => [key, listFilter(options.filters![key]).optional()]));
  return z
    .strictObject({
      ...pagination,
      sort: listSort(options.sortable).optional(),
      [CLIENT_SELECTOR_QUERY_KEY]: clientSelector,
      ...filterShape,
      ...((options.extra ?? {}) as E),
    })
    .transform((query) => {
      const values = query as Record<string, unknown>;
      const filters: Partial<Record<F, string>> = {};
      for (const key of filterKeys) if (values[key] !== undefined) filters[key] = values[key] as string;
      const extra = Object.fromEntries(Object.keys(options.extra ?? {}).map((key) => [key, values[key]]));
      return {
        ...(extra as z.output<z.ZodObject<E>>),
        page: values.page as number,
        pageSize: values.pageSize as number,
        sort: (values.sort as ListSort<S> | undefined) ?? options.defaultSort,
        filters,
      } satisfies ListQuery<S, F>;
    });
};

export type { Money };
