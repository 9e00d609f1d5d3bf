import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import type { AssignSeatRequest, CreateLicenceRequest, StaffLicence, UpdateLicenceRequest } from '../../../shared/contracts/admin-records';
import { fieldError } from '../domain/errors';
import { UID } from '../constants';
import { isAssigned, serializeStaffLicence, STAFF_LICENCE_FIELDS, STAFF_SEAT_FIELDS } from '../serializers/licence';
import { text, type Row } from '../repositories/rows';
import { documents, records } from '../repositories/records';

const findClient = async (strapi: Core.Strapi, documentId: string) => {
  const client = await records(strapi, UID.client).findOne({ select: ['id', 'documentId'], where: { documentId } });
  if (!client) throw new errors.NotFoundError('No client has this documentId');
  return client;
};

/** The licence of this client; another client's licence is as unknown as a missing one. */
const findLicence = async (strapi: Core.Strapi, clientDocumentId: string, licenceId: string) => {
  const client = await findClient(strapi, clientDocumentId);
  const licence = await records(strapi, UID.licence).findOne({ select: [...STAFF_LICENCE_FIELDS], where: { documentId: licenceId, client: { id: client.id } } });
  if (!licence) throw new errors.NotFoundError('No licence of this client has this id');
  return licence;
};

/** The licence's seats in the order they were made: the first vacant one is the next to give. */
const seatsOf = (strapi: Core.Strapi, licence: Row) =>
  records(strapi, UID.seat).findMany({ select: [...STAFF_SEAT_FIELDS], where: { licence: { id: licence.id } }, orderBy: [{ id: 'asc' }] });

const present = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/** The licence as staff edit it, with every seat. */
export const getLicence = async (strapi: Core.Strapi, clientDocumentId: string, licenceId: string): Promise<StaffLicence> => {
  const licence = await findLicence(strapi, clientDocumentId, licenceId);
  return serializeStaffLicence(licence, await seatsOf(strapi, licence));
};

/**
 * One seat record per seat purchased, as the portal lists them for the client to fill: more
 * seats purchased adds vacant ones; fewer removes vacant ones, newest first. Fewer seats than
 * are assigned never gets here: the licence rule refuses it first.
 */
const matchSeats = async (strapi: Core.Strapi, licence: Row, purchased: number) => {
  const seats = await seatsOf(strapi, licence);
  for (let count = seats.length; count < purchased; count += 1) {
    await documents(strapi, UID.seat).create({ data: { licence: text(licence.documentId) } });
  }
  const surplus = seats.filter((seat) => !isAssigned(seat)).reverse().slice(0, Math.max(0, seats.length - purchased));
  for (const seat of surplus) await documents(strapi, UID.seat).delete({ documentId: text(seat.documentId) });
};

/** A new licence of the client with its seats, all vacant, in one transaction. */
export const createLicence = async (strapi: Core.Strapi, clientDocumentId: string, request: CreateLicenceRequest): Promise<StaffLicence> => {
  const client = await findClient(strapi, clientDocumentId);
  const created = await strapi.db.transaction(async () => {
    const licence = await documents(strapi, UID.licence).create({ data: { ...present(request), client: text(client.documentId) } });
    await matchSeats(strapi, licence, request.seatsPurchased);
    return licence;
  });
  return getLicence(strapi, clientDocumentId, text(created.documentId));
};

/** Changes the fields sent; a new number of seats purchased adds or removes vacant seats to match. */
export const updateLicence = async (strapi: Core.Strapi, clientDocumentId: string, licenceId: string, request: UpdateLicenceRequest): Promise<StaffLicence> => {
  const licence = await findLicence(strapi, clientDocumentId, licenceId);
  const data = present(request);
  await strapi.db.transaction(async () => {
    // The licence first: its rule refuses fewer seats than are assigned, naming seatsPurchased.
    if (Object.keys(data).length > 0) await documents(strapi, UID.licence).update({ documentId: licenceId, data });
    if (request.seatsPurchased !== undefined) await matchSeats(strapi, licence, request.seatsPurchased);
  });
  return getLicence(strapi, clientDocumentId, licenceId);
};

/**
 * Gives the first vacant seat to a person. Without a vacant seat record a new seat is made, and
 * the seat rule, counting under a lock on the licence, refuses it when every seat purchased is
 * taken: the refusal names assigneeEmail and nothing is written.
 */
export const assignSeat = async (strapi: Core.Strapi, clientDocumentId: string, licenceId: string, assignee: AssignSeatRequest): Promise<StaffLicence> => {
  const licence = await findLicence(strapi, clientDocumentId, licenceId);
  const product = text(licence.product);
  if (licence.state !== 'active') throw fieldError('assigneeEmail', `${product} is ${text(licence.state)}; its seats can no longer be assigned`);
  await strapi.db.transaction(async () => {
    const seats = await seatsOf(strapi, licence);
    if (seats.some((seat) => text(seat.assigneeEmail).toLowerCase() === assignee.assigneeEmail)) {
      throw fieldError('assigneeEmail', `already has a seat of ${product}`);
    }
    const vacant = seats.find((seat) => !isAssigned(seat));
    if (vacant) await documents(strapi, UID.seat).update({ documentId: text(vacant.documentId), data: { ...assignee } });
    else await documents(strapi, UID.seat).create({ data: { licence: licenceId, ...assignee } });
  });
  return getLicence(strapi, clientDocumentId, licenceId);
};

/** Frees a seat: it stays on the licence, vacant. Freeing a vacant seat changes nothing. */
export const freeSeat = async (strapi: Core.Strapi, clientDocumentId: string, licenceId: string, seatId: string): Promise<StaffLicence> => {
  const licence = await findLicence(strapi, clientDocumentId, licenceId);
  const seat = await records(strapi, UID.seat).findOne({ select: [...STAFF_SEAT_FIELDS], where: { documentId: seatId, licence: { id: licence.id } } });
  if (!seat) throw new errors.NotFoundError('No seat of this licence has this id');
  if (seat.assigneeEmail || seat.assigneeName) {
    await documents(strapi, UID.seat).update({ documentId: seatId, data: { assigneeEmail: null, assigneeName: null } });
  }
  return getLicence(strapi, clientDocumentId, licenceId);
};

