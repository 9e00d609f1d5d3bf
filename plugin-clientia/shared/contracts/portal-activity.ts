/** GET /api/clientia/activity — the client's feed, newest first. */
import { listQuery, type PortalList } from './portal';

const FEED_ORDER = { field: 'occurredAt', direction: 'desc' } as const;

/** GET /activity?page&pageSize — newest first, always (`sort` may only say so: occurredAt:desc). */
export const listActivityQuery = listQuery({ sortable: [FEED_ORDER.field], defaultSort: FEED_ORDER }).refine(
  (query) => query.sort.direction === FEED_ORDER.direction,
  { error: 'the feed is always newest first: occurredAt:desc', path: ['sort'] }
);

export interface PortalActivity {
  occurredAt: string;
  /** A person's name, or the firm's name for what the firm's server did. */
  actorLabel: string;
  verb: string;
  subjectType: string;
  subjectLabel: string;
}

export type ListActivityResponse = PortalList<PortalActivity>;
