import { randomUUID } from 'node:crypto';

import { fieldError } from '../domain/errors';
import { removeStoredFile } from '../portal/documents/storage';
import { requireRelation, UID, updateEntity } from './helpers';
import { idOf, type Entity, type RecordRule } from './types';
import { noticeNewMessage, noticeSharedDocument } from '../email/activity-notices';

const clientOf = (entity: Entity) => idOf(entity, 'client');

const dateOrder = (entity: Entity, start: string, end: string) => {
  const from = entity[start] as string | null;
  const to = entity[end] as string | null;
  if (from && to && to < from) throw fieldError(end, `must not be before ${start}`);
};

/** A record that hangs off a parent takes the parent's client: callers cannot point it elsewhere. */
const inheritClient = async (
  strapi: Parameters<NonNullable<RecordRule['after']>>[0]['strapi'],
  uid: (typeof UID)[keyof typeof UID],
  entity: Entity,
  parentUid: (typeof UID)[keyof typeof UID],
  parentRelation: string,
  message: string
) => {
  const parentRef = requireRelation(entity, parentRelation, message);
  const parent = (await strapi.db.query(parentUid as never).findOne({ where: { id: parentRef.id }, populate: ['client'] })) as Entity;
  const clientId = clientOf(parent);
  if (clientOf(entity) !== clientId) await updateEntity(strapi, uid, entity.id, { client: clientId });
  return parent;
};

export const clientRule: RecordRule = {
  populate: [],
  async before({ strapi, action, before }) {
    if (action !== 'delete' || !before) return;
    for (const [uid, what] of [
      [UID.invoice, 'invoices'],
      [UID.contract, 'contracts'],
      [UID.payment, 'payments'],
    ] as const) {
      const count = await strapi.db.query(uid as never).count({ where: { client: { id: before.id } } });
      if (Number(count) > 0) throw fieldError('state', `this client has ${what}; archive it instead of deleting it`);
    }
  },
  label: (client) => `Client ${client.name}`,
  clientId: (client) => client.id,
  visibleToClient: () => false,
};

export const membershipRule: RecordRule = {
  populate: ['client', 'user'],
  async after({ strapi, after }) {
    if (!after) return;
    const client = requireRelation(after, 'client', 'every membership belongs to a client');
    const user = requireRelation(after, 'user', 'name the portal user');
    const twins = await strapi.db.query(UID.membership as never).count({
      where: { client: { id: client.id }, user: { id: user.id }, id: { $ne: after.id } },
    });
    if (Number(twins) > 0) throw fieldError('user', 'is already a member of this client');
  },
  label: (membership) => `Membership of ${(membership.user as Entity | null)?.email ?? 'a contact'}`,
  clientId: clientOf,
  visibleToClient: () => false,
};

export const retainerRule: RecordRule = {
  populate: ['client', 'contract'],
  before({ data }) {
    if ('amount' in data && data.amount !== null && !(Number(data.amount) > 0)) throw fieldError('amount', 'must be more than zero');
  },
  async after({ strapi, before, after }) {
    if (!after) return;
    const client = requireRelation(after, 'client', 'every retainer belongs to a client');
    dateOrder(after, 'startDate', 'endDate');
    const contract = after.contract as Entity | null;
    if (contract) {
      const full = (await strapi.db.query(UID.contract as never).findOne({ where: { id: contract.id }, populate: ['client'] })) as Entity;
      if (clientOf(full) !== client.id) throw fieldError('contract', 'must be a contract of the same client');
    }
    const updates: Record<string, unknown> = {};
    if (!after.currency) updates.currency = client.currency;
    if (!before && !after.nextRunDate) updates.nextRunDate = after.startDate;
    await updateEntity(strapi, UID.retainer, after.id, updates);
  },
  label: (retainer) => `Retainer ${retainer.title}`,
  clientId: clientOf,
};

export const timeEntryRule: RecordRule = {
  populate: ['client', 'retainer', 'project'],
  before({ data }) {
    if ('hours' in data) {
      const hours = Number(data.hours);
      if (!(hours > 0) || hours > 24) throw fieldError('hours', 'must be more than 0 and at most 24 for one day');
    }
  },
  async after({ strapi, after }) {
    if (!after) return;
    const owners: number[] = [];
    for (const [relation, uid] of [
      ['retainer', UID.retainer],
      ['project', UID.project],
    ] as const) {
      const ref = after[relation] as Entity | null;
      if (!ref) continue;
      const full = (await strapi.db.query(uid as never).findOne({ where: { id: ref.id }, populate: ['client'] })) as Entity;
      owners.push(clientOf(full)!);
    }
    const clientId = clientOf(after) ?? owners[0];
    if (!clientId) throw fieldError('client', 'a time entry belongs to a client, through a retainer or a project');
    if (owners.some((owner) => owner !== clientId)) throw fieldError('retainer', 'retainer and project must be of the same client');
    if (clientOf(after) !== clientId) await updateEntity(strapi, UID.timeEntry, after.id, { client: clientId });
  },
  label: (entry) => `Time entry of ${entry.hours} h on ${entry.date}`,
  clientId: clientOf,
  visibleToClient: () => false,
};

export const documentRule: RecordRule = {
  populate: ['client', 'uploadedByContact'],
  async after({ strapi, action, before, after }) {
    const storageKey = action === 'delete' ? (before?.storageKey as string | null | undefined) : null;
    // The bytes go only once the deletion is committed: a rolled-back delete keeps its file.
    if (storageKey) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void removeStoredFile(strapi, storageKey)));
    if (!after) return;
    requireRelation(after, 'client', 'every document belongs to a client');
    if (!after.versionGroup) await updateEntity(strapi, UID.document, after.id, { versionGroup: randomUUID() });
    await noticeSharedDocument(strapi, before, after);
  },
  label: (document) => `Document ${document.title}`,
  clientId: clientOf,
  visibleToClient: (document) => document.visibility === 'shared',
};

export const projectRule: RecordRule = {
  populate: ['client'],
  after({ after }) {
    if (!after) return;
    requireRelation(after, 'client', 'every project belongs to a client');
    dateOrder(after, 'startDate', 'dueDate');
  },
  label: (project) => `Project ${project.name}`,
  clientId: clientOf,
};

export const milestoneRule: RecordRule = {
  populate: ['client', 'project'],
  async after({ strapi, after }) {
    if (!after) return;
    await inheritClient(strapi, UID.milestone, after, UID.project, 'project', 'every milestone belongs to a project');
    const done = after.state === 'done';
    if (done && !after.completedAt) await updateEntity(strapi, UID.milestone, after.id, { completedAt: new Date() });
    if (!done && after.completedAt) await updateEntity(strapi, UID.milestone, after.id, { completedAt: null });
  },
  label: (milestone) => `Milestone ${milestone.title}`,
  clientId: clientOf,
};

export const threadRule: RecordRule = {
  populate: ['client'],
  after({ after }) {
    if (after) requireRelation(after, 'client', 'every thread belongs to a client');
  },
  label: (thread) => `Thread “${thread.subject}”`,
  clientId: clientOf,
};

export const messageRule: RecordRule = {
  populate: ['client', 'thread'],
  async after({ strapi, action, after }) {
    if (!after) return;
    const thread = await inheritClient(strapi, UID.message, after, UID.thread, 'thread', 'every message belongs to a thread');
    if (action === 'create') {
      const now = new Date();
      const side = after.authorType === 'contact' ? { clientReadAt: now } : { staffReadAt: now };
      await updateEntity(strapi, UID.thread, thread.id, { lastMessageAt: now, ...side });
      await noticeNewMessage(strapi, after, thread);
    }
  },
  label: () => 'Message in a thread',
  clientId: clientOf,
};

export const brandingRule: RecordRule = {
  populate: [],
  label: () => 'Branding',
  clientId: () => null,
  visibleToClient: () => false,
};
