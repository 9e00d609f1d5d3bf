import type { Pagination } from '../../../shared/contracts/admin';

export const pagination = (page: number, pageSize: number, total: number): Pagination => ({
  page,
  pageSize,
  total,
  pageCount: Math.ceil(total / pageSize),
});

/** The `meta` of a portal list's answer. */
export const paginationMeta = (page: number, pageSize: number, total: number) => ({ pagination: pagination(page, pageSize, total) });
