import type { Core } from '@strapi/strapi';

import type { Calendar } from './calendar';

export type ClientiaType =
  | 'branding'
  | 'client'
  | 'membership'
  | 'contract'
  | 'signature-event'
  | 'retainer'
  | 'time-entry'
  | 'invoice'
  | 'payment'
  | 'licence'
  | 'seat'
  | 'document'
  | 'project'
  | 'milestone'
  | 'thread'
  | 'message';

/** A record as the Document Service returns it, with the server's derived fields filled in. */
export type Written = Record<string, unknown> & { id: number; documentId: string };

type Data = Record<string, unknown>;

/** What the seed has created so far, by the names the demo data uses for it. */
type Kind = 'client' | 'contact' | 'membership' | 'contract' | 'retainer' | 'project' | 'invoice';

export interface DemoContext {
  strapi: Core.Strapi;
  calendar: Calendar;
  /** The demo admin, who staffs every client: author of staff messages, logger of hours. */
  staffId: number | null;
  remember(kind: Kind, key: string, record: Written): void;
  /** The record seeded under `key`; a typo in the demo data fails the seed loudly. */
  find(kind: Kind, key: string): Written;
  create(type: ClientiaType, data: Data): Promise<Written>;
  update(type: ClientiaType, documentId: string, data: Data): Promise<Written>;
}

/** Every write goes through the Document Service, so the plugin's rules apply as they do to staff. */
const documents = (strapi: Core.Strapi, type: ClientiaType) =>
  strapi.documents(`plugin::clientia.${type}` as 'plugin::clientia.client');

export const createContext = (strapi: Core.Strapi, calendar: Calendar, staffId: number | null): DemoContext => {
  const seeded = new Map<string, Written>();
  return {
    strapi,
    calendar,
    staffId,
    remember: (kind, key, record) => void seeded.set(`${kind}:${key}`, record),
    find(kind, key) {
      const record = seeded.get(`${kind}:${key}`);
      if (!record) throw new Error(`[demo] no ${kind} "${key}" was seeded`);
      return record;
    },
    create: async (type, data) => (await documents(strapi, type).create({ data: data as never })) as unknown as Written,
    async update(type, documentId, data) {
      const updated = await documents(strapi, type).update({ documentId, data: data as never });
      if (!updated) throw new Error(`[demo] ${type} ${documentId} vanished during the seed`);
      return updated as unknown as Written;
    },
  };
};

export const membershipKey = (client: string, email: string) => `${client} ${email}`;
