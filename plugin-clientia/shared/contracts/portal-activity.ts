/** GET /api/clientia/activity — the client's feed, newest first. */
import type { PortalList } from './portal';

export interface PortalActivity {
  occurredAt: string;
  /** A person's name, or the firm's name for what the firm's server did. */
  actorLabel: string;
  verb: string;
  subjectType: string;
  subjectLabel: string;
}

/** Query: page, pageSize. */
export type ListActivityResponse = PortalList<PortalActivity>;
