import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { fieldError } from '../domain/errors';
import { takeNamedLock } from '../repositories/mysql';
import type { Entity } from './types';

export const UID = {
  client: 'plugin::clientia.client',
  membership: 'plugin::clientia.membership',
  contract: 'plugin::clientia.contract',
  signatureEvent: 'plugin::clientia.signature-event',
  retainer: 'plugin::clientia.retainer',
  timeEntry: 'plugin::clientia.time-entry',
  invoice: 'plugin::clientia.invoice',
  payment: 'plugin::clientia.payment',
  licence: 'plugin::clientia.licence',
  seat: 'plugin::clientia.seat',
  document: 'plugin::clientia.document',
  project: 'plugin::clientia.project',
  milestone: 'plugin::clientia.milestone',
  thread: 'plugin::clientia.thread',
  message: 'plugin::clientia.message',
  activity: 'plugin::clientia.activity',
  branding: 'plugin::clientia.branding',
  outboundEmail: 'plugin::clientia.outbound-email',
} as const;

type Uid = (typeof UID)[keyof typeof UID];

export const query = (strapi: Core.Strapi, uid: Uid) => strapi.db.query(uid as never);

export const loadEntity = async (strapi: Core.Strapi, uid: Uid, where: Record<string, unknown>, populate: string[]) =>
  (await query(strapi, uid).findOne({ where, populate })) as Entity | null;

export const updateEntity = async (strapi: Core.Strapi, uid: Uid, id: number, data: Record<string, unknown>) => {
  if (Object.keys(data).length) await query(strapi, uid).update({ where: { id }, data });
};

/**
 * Row lock that serialises writers of one parent record (a licence, an invoice). SQLite has one
 * writer at a time and needs none. On PostgreSQL it is NO KEY UPDATE: the children each writer has
 * just inserted hold KEY SHARE locks on the parent through their foreign keys, and FOR UPDATE
 * would make two such writers deadlock instead of queueing. MySQL has no such weaker lock (its
 * foreign keys hold plain shared locks), so there it is a named lock of its own.
 */
export const lockRow = async (strapi: Core.Strapi, trx: Knex.Transaction, table: string, id: number) => {
  const client = strapi.db.dialect.client;
  if (client === 'sqlite') return;
  if (client === 'mysql') return takeNamedLock(trx, `${table}:${id}`);
  await trx(table).where({ id }).forNoKeyUpdate().first('id');
};

export const requireRelation = (entity: Entity, relation: string, message = 'is required') => {
  const value = entity[relation] as { id?: number } | null | undefined;
  if (!value?.id) throw fieldError(relation, message);
  return value as Entity;
};

export const today = () => new Date().toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const normalise = (value: unknown): unknown => {
  if (value && typeof value === 'object' && 'id' in (value as object)) return (value as { id: unknown }).id;
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value);
  return value ?? null;
};

/** Compares two stored values (relations by id, numbers and big integers alike). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** The fields whose stored value differs between two versions of a record. */
export const changedFields = (before: Entity, after: Entity, fields: string[]) =>
  fields.filter((field) => !sameValue(before[field], after[field]));
