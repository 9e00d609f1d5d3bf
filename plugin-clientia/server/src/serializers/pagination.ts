import type { Pagination } from '../../../shared/contracts/admin';

export const pagination = (page: number, pageSize: number, total: number): Pagination => ({
  page,
  pageSize,
  total,
  pageCount: Math.ceil(total / pageSize),
});
