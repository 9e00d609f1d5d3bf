import { fieldError } from '../domain/errors';
import { CLIENT_QUERY_KEY } from './context';
import { assertQueryKeys } from '../controllers/validation';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export interface ListQuery<S extends string, F extends string> {
  page: number;
  pageSize: number;
  sort: { field: S; direction: 'asc' | 'desc' };
  /** The route's own filters (e.g. state), already validated. */
  filters: Partial<Record<F, string>>;
}

const wholeNumber = (key: string, value: unknown, min: number, max: number, fallback: number) => {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) throw fieldError(key, `must be a whole number from ${min} to ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw fieldError(key, `must be a whole number from ${min} to ${max}`);
  return n;
};

/**
 * Parses a portal list's query: page, pageSize (hard maximum 100), sort on a fixed list of
 * fields (`sort=dueDate:desc`), the route's own filters with their allowed values, and the client
 * selector. Anything else is refused; nothing from here reaches a query unless listed.
 */
export const parseListQuery = <S extends string, F extends string>(
  query: Record<string, unknown>,
  options: { sortable: readonly S[]; defaultSort: { field: S; direction: 'asc' | 'desc' }; filters?: Record<F, readonly string[]> }
): ListQuery<S, F> => {
  const filterKeys = Object.keys(options.filters ?? {}) as F[];
  assertQueryKeys(query, ['page', 'pageSize', 'sort', CLIENT_QUERY_KEY, ...filterKeys]);
  const page = wholeNumber('page', query.page, 1, 100_000, 1);
  const pageSize = wholeNumber('pageSize', query.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);

  let sort = options.defaultSort;
  if (query.sort !== undefined) {
    const match = typeof query.sort === 'string' ? /^([A-Za-z]+)(?::(asc|desc))?$/.exec(query.sort) : null;
    if (!match || !options.sortable.includes(match[1] as S)) {
      throw fieldError('sort', `must be one of ${options.sortable.join(', ')}, optionally with :asc or :desc`);
    }
    sort = { field: match[1] as S, direction: (match[2] as 'asc' | 'desc') ?? 'asc' };
  }

  const filters: Partial<Record<F, string>> = {};
  for (const key of filterKeys) {
    const value = query[key];
    if (value === undefined) continue;
    const allowed = options.filters![key];
    if (typeof value !== 'string' || !allowed.includes(value)) throw fieldError(key, `must be one of ${allowed.join(', ')}`);
    filters[key] = value;
  }
  return { page, pageSize, sort, filters };
};

export const paginationMeta = (page: number, pageSize: number, total: number) => ({
  pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
});
