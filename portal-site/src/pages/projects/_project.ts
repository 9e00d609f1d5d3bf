/** What the project list and the project page share: the statuses and their colours. */
import type { MilestoneStatus, ProjectStatus } from '@clientia/shared/contracts/portal-projects';
import type { Tone } from '../../components/StatusBadge.astro';

/** In the order a project goes through them; the list's filter shows them in this order. */
export const PROJECT_STATUSES: readonly ProjectStatus[] = ['active', 'planned', 'on_hold', 'done'];

export const PROJECT_TONE: Record<ProjectStatus, Tone> = {
  planned: 'neutral',
  active: 'info',
  on_hold: 'warning',
  done: 'success',
};

export const MILESTONE_TONE: Record<MilestoneStatus, Tone> = {
  pending: 'neutral',
  in_progress: 'info',
  done: 'success',
};

/** The API promises 0 to 100; a bar never shows more or less. */
export const percentDone = (progress: number) => Math.min(100, Math.max(0, Math.round(Number(progress) || 0)));
