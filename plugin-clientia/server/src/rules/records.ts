import { randomUUID } from 'node:crypto';

import { fieldError } from '../domain/errors';
import { removePrivateFile } from '../storage/private-files';
import { requireRelation } from './helpers';
import { lockRow, updateEntity } from '../repositories/records';
import { isActiveOwner, otherActiveOwners } from '../repositories/memberships';
import { UID } from '../constants';
import { type RecordRule } from './types';
import { idOf, type Entity } from '../repositories/rows';
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

/**
 * A client whose portal has an owner keeps one: only an owner invites and manages the client's
 * contacts, so demoting, deactivating or deleting the last one would leave nobody to do it. The
 * client's row lock makes two such changes at once queue, so they cannot each leave the other.
 */
const keepAnOwner = async ({ strapi, before, after, trx }: Parameters<NonNullable<RecordRule['after']>>[0]) => {
  if (!isActiveOwner(before) || isActiveOwner(after)) return;
  const clientId = clientOf(before!);
  if (!clientId) return;
  await lockRow(strapi, trx, strapi.db.metadata.get(UID.client).tableName, clientId);
  if ((await otherActiveOwners(strapi, clientId, before!.id)) > 0) return;
  const field = !after ? 'documentId' : after.deactivatedAt ? 'deactivatedAt' : 'role';
  throw fieldError(field, 'this is the client’s last active owner: make another contact owner first');
};

export const membershipRule: RecordRule = {
  populate: ['client', 'user'],
  async after(context) {
    await keepAnOwner(context);
    const { strapi, after } = context;
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

export const documentRule: RecordRule = {
  populate: ['client', 'uploadedByContact'],
  async after({ strapi, action, before, after }) {
    const storageKey = action === 'delete' ? (before?.storageKey as string | null | undefined) : null;
    // The bytes go only once the deletion is committed: a rolled-back delete keeps its file.
    if (storageKey) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void removePrivateFile(strapi, storageKey)));
    if (!after) return;
    requireRelation(after, 'client', 'every document belongs to a client');
    if (!after.versionGroup) await updateEntity(strapi, UID.document, after.id, { versionGroup: randomUUID() });
    // A document is archived or not as a whole: every version follows the one that was changed,
    // so the portal never falls back to an older version of a document the firm withdrew.
    if (before && Boolean(before.archivedAt) !== Boolean(after.archivedAt) && after.versionGroup) {
      await strapi.db.query(UID.document as never).updateMany({
        where: { versionGroup: after.versionGroup, id: { $ne: after.id } },
        data: { archivedAt: after.archivedAt ?? null },
      });
    }
    await noticeSharedDocument(strapi, before, after);
  },
  label: (document) => (Number(document.version) > 1 ? `Document ${document.title} (version ${document.version})` : `Document ${document.title}`),
  clientId: clientOf,
  // Archiving is its own act in the log, whatever else the same write changed.
  verb: (action, before, after, changed) =>
    action === 'update' && changed.includes('archivedAt') ? (after?.archivedAt ? 'archived' : before?.archivedAt ? 'restored' : null) : null,
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
