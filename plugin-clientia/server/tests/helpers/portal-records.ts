import { createHash, randomBytes } from 'node:crypto';

import { fixtures } from './fixtures';
import { storeBytes as storeInPrivateStore, storeRecordPdf } from './private-store';
import type { TestApp } from './test-app';

/** Staff-only text seeded into every record: it must never appear in a portal response. */
export const STAFF_ONLY_MARKER = 'SECRET-NOTE';

export type ClientSide = 'A' | 'B';

/** Text each client's records carry, so a leak is found by searching a response for it. */
export const CLIENT_MARKER: Record<ClientSide, string> = { A: 'ALPHA-ONLY', B: 'BETA-ONLY' };

interface ClientRef {
  id: number;
  documentId: string;
}

export interface MadeRecord {
  uid: string;
  documentId: string;
  /** documentIds, names and emails that belong to this record's client only. */
  identifiers: string[];
}

type Data = Record<string, unknown>;
const tag = () => randomBytes(3).toString('hex');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// The smallest well-formed PDF: what records and upload probes carry as their file.
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);

/**
 * The attachment each factory-made thread's first message carries, by thread documentId: what the
 * probes fill a route's `:messageId` and `:key` with.
 */
export const threadAttachments = new Map<string, { messageId: string; key: string }>();

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Creates records of any Clientia type for a client through the Document Service, in the state
 * a contact would see and act on: contracts sent (not draft), invoices issued, seats on a licence
 * with spare seats, documents shared, threads open. Every record carries its client's marker in
 * its visible text and the staff-only marker in its internal notes.
 */
export const recordFactory = (app: TestApp) => {
  const f = fixtures(app);
  const docs = (uid: string) => app.strapi.documents(uid as 'plugin::clientia.client');
  const create = async (uid: string, data: Data) => (await docs(uid).create({ data: data as never })) as unknown as { documentId: string; id: number } & Data;

  const storeBytes = (bytes: Buffer) => storeInPrivateStore(app, bytes);

  const storeDocumentFile = async (documentId: string) => {
    const storageKey = storeBytes(TINY_PDF);
    await app.strapi.db.query('plugin::clientia.document' as never).update({
      where: { documentId },
      data: { storageKey, size: TINY_PDF.length, sha256: sha256(TINY_PDF), fileName: 'engagement-letter.pdf', mimeType: 'application/pdf' } as never,
    });
  };

  /** A PDF attached to a message as the portal leaves it: bytes in the private store, the list set below the Document Service. */
  const attachPdf = async (threadDocumentId: string, messageDocumentId: string) => {
    const storageKey = storeBytes(TINY_PDF);
    const key = randomBytes(12).toString('hex');
    const attachment = { key, fileName: 'timesheet.pdf', mimeType: 'application/pdf', size: TINY_PDF.length, sha256: createHash('sha256').update(TINY_PDF).digest('hex'), storageKey };
    await app.strapi.db.query('plugin::clientia.message' as never).update({ where: { documentId: messageDocumentId }, data: { attachments: [attachment] } as never });
    threadAttachments.set(threadDocumentId, { messageId: messageDocumentId, key });
  };

  /** A contact of the client who is none of the probe personas. */
  const colleague = async (client: ClientRef, side: ClientSide) => {
    const t = tag();
    const user = await create('plugin::users-permissions.user', {
      username: `colleague-${t}`,
      email: `${CLIENT_MARKER[side].toLowerCase()}-colleague-${t}@portal.example`,
      password: `Pw-${randomBytes(9).toString('base64url')}1a`,
      provider: 'local',
      confirmed: true,
    });
    await create('plugin::clientia.membership', { client: client.documentId, user: user.documentId, role: 'member', name: `${CLIENT_MARKER[side]} Colleague ${t}`, acceptedAt: new Date().toISOString() });
    return user;
  };

  const makers: Record<string, (client: ClientRef, side: ClientSide, made: MadeRecord[]) => Promise<{ documentId: string } & Data>> = {
    'plugin::clientia.contract': async (client, side) => {
      const contract = await create('plugin::clientia.contract', {
        client: client.documentId,
        title: `${CLIENT_MARKER[side]} services agreement ${tag()}`,
        kind: 'msa',
        state: 'sent',
        value: 1_200_000,
        effectiveDate: isoDay(0),
        internalNotes: `${STAFF_ONLY_MARKER} contract`,
      });
      await storeRecordPdf(app, 'plugin::clientia.contract', contract.documentId, TINY_PDF, 'contract.pdf');
      return contract;
    },
    'plugin::clientia.invoice': async (client, side) => {
      const invoice = await create('plugin::clientia.invoice', {
        client: client.documentId,
        currency: 'EUR',
        state: 'issued',
        issueDate: isoDay(-5),
        dueDate: isoDay(25),
        notes: `${CLIENT_MARKER[side]} invoice ${tag()}`,
        lineItems: [{ description: `${CLIENT_MARKER[side]} advisory`, quantity: 10, unitPrice: 15000, taxRate: 19 }],
        internalNotes: `${STAFF_ONLY_MARKER} invoice`,
      });
      await storeRecordPdf(app, 'plugin::clientia.invoice', invoice.documentId, TINY_PDF, 'invoice.pdf');
      // Corrected in part, so every probe of an invoice also meets the credit notes read with it.
      await create('plugin::clientia.invoice', {
        client: client.documentId,
        kind: 'credit_note',
        correctedInvoice: invoice.documentId,
        state: 'issued',
        notes: `${CLIENT_MARKER[side]} credit note ${tag()}`,
        lineItems: [{ description: `${CLIENT_MARKER[side]} discount`, quantity: 1, unitPrice: -10000, taxRate: 0 }],
        internalNotes: `${STAFF_ONLY_MARKER} credit note`,
      });
      return invoice;
    },
    'plugin::clientia.payment': async (client, side, made) => {
      const invoice = await makeOne('plugin::clientia.invoice', client, side, made);
      return create('plugin::clientia.payment', {
        invoice: invoice.documentId,
        amount: 10_000,
        receivedOn: isoDay(-1),
        method: 'bank_transfer',
        reference: `${CLIENT_MARKER[side]} payment ${tag()}`,
        internalNotes: `${STAFF_ONLY_MARKER} payment`,
      });
    },
    'plugin::clientia.licence': (client, side) =>
      create('plugin::clientia.licence', {
        client: client.documentId,
        product: `${CLIENT_MARKER[side]} Matter Vault ${tag()}`,
        plan: 'Team',
        seatsPurchased: 50,
        renewalDate: isoDay(200),
        internalNotes: `${STAFF_ONLY_MARKER} licence`,
      }),
    'plugin::clientia.seat': async (client, side, made) => {
      const licence = await makeOne('plugin::clientia.licence', client, side, made);
      const t = tag();
      return create('plugin::clientia.seat', {
        licence: licence.documentId,
        assigneeName: `${CLIENT_MARKER[side]} Seat Holder ${t}`,
        assigneeEmail: `${CLIENT_MARKER[side].toLowerCase()}-seat-${t}@portal.example`,
      });
    },
    'plugin::clientia.document': async (client, side) => {
      const document = await create('plugin::clientia.document', {
        client: client.documentId,
        title: `${CLIENT_MARKER[side]} engagement letter ${tag()}`,
        folder: 'Engagement',
        visibility: 'shared',
      });
      await storeDocumentFile(document.documentId);
      return document;
    },
    'plugin::clientia.project': (client, side) =>
      create('plugin::clientia.project', {
        client: client.documentId,
        name: `${CLIENT_MARKER[side]} website relaunch ${tag()}`,
        state: 'active',
        progress: 40,
        startDate: isoDay(-30),
        dueDate: isoDay(60),
        summary: `${CLIENT_MARKER[side]} summary`,
        internalNotes: `${STAFF_ONLY_MARKER} project`,
      }),
    'plugin::clientia.milestone': async (client, side, made) => {
      const project = await makeOne('plugin::clientia.project', client, side, made);
      return create('plugin::clientia.milestone', { project: project.documentId, title: `${CLIENT_MARKER[side]} milestone ${tag()}`, dueDate: isoDay(10) });
    },
    'plugin::clientia.thread': async (client, side) => {
      const thread = await create('plugin::clientia.thread', { client: client.documentId, subject: `${CLIENT_MARKER[side]} question ${tag()}`, state: 'open' });
      const message = await create('plugin::clientia.message', { thread: thread.documentId, body: `${CLIENT_MARKER[side]} first message`, authorType: 'staff' });
      await attachPdf(thread.documentId, message.documentId);
      return thread;
    },
    'plugin::clientia.message': async (client, side, made) => {
      const thread = await makeOne('plugin::clientia.thread', client, side, made);
      return create('plugin::clientia.message', { thread: thread.documentId, body: `${CLIENT_MARKER[side]} message ${tag()}`, authorType: 'staff' });
    },
    'plugin::clientia.retainer': (client, side) =>
      create('plugin::clientia.retainer', {
        client: client.documentId,
        title: `${CLIENT_MARKER[side]} monthly advisory ${tag()}`,
        amount: 250_000,
        interval: 'monthly',
        startDate: isoDay(-60),
        includedHours: 10,
        internalNotes: `${STAFF_ONLY_MARKER} retainer`,
      }),
    'plugin::clientia.time-entry': async (client, side, made) => {
      const retainer = await makeOne('plugin::clientia.retainer', client, side, made);
      return create('plugin::clientia.time-entry', { retainer: retainer.documentId, date: isoDay(-2), hours: 1.5, description: `${CLIENT_MARKER[side]} hours ${tag()}` });
    },
    'plugin::clientia.membership': async (client, side) => {
      const t = tag();
      const email = `${CLIENT_MARKER[side].toLowerCase()}-teammate-${t}@portal.example`;
      const user = await create('plugin::users-permissions.user', {
        username: `teammate-${t}`,
        email,
        password: `Pw-${randomBytes(9).toString('base64url')}1a`,
        provider: 'local',
        confirmed: true,
      });
      const membership = await create('plugin::clientia.membership', {
        client: client.documentId,
        user: user.documentId,
        role: 'member',
        name: `${CLIENT_MARKER[side]} Teammate ${t}`,
        acceptedAt: new Date().toISOString(),
      });
      return { ...membership, email };
    },
    // Sessions and passkeys belong to an account, not a client: these are a colleague's in the
    // client, so to every probe persona, of that client or not, they are someone else's.
    'plugin::clientia.portal-session': async (client, side) => {
      const user = await colleague(client, side);
      return (await app.strapi.db.query('plugin::clientia.portal-session' as never).create({
        data: {
          user: user.id,
          method: 'password',
          secondFactor: 'none',
          passwordStamp: '0'.repeat(32),
          userAgent: `${CLIENT_MARKER[side]} browser ${tag()}`,
          ip: '203.0.113.7',
          lastSeenAt: new Date(),
          expiresAt: new Date(Date.now() + 86_400_000),
        } as never,
      })) as unknown as { documentId: string } & Data;
    },
    'plugin::clientia.passkey': async (client, side) => {
      const user = await colleague(client, side);
      return (await app.strapi.db.query('plugin::clientia.passkey' as never).create({
        data: {
          user: user.id,
          credentialId: randomBytes(16).toString('base64url'),
          userHandle: randomBytes(16).toString('base64url'),
          publicKey: randomBytes(32).toString('base64url'),
          counter: 0,
          transports: ['internal'],
          deviceType: 'singleDevice',
          backedUp: false,
          name: `${CLIENT_MARKER[side]} passkey ${tag()}`,
        } as never,
      })) as unknown as { documentId: string } & Data;
    },
    'plugin::clientia.activity': async (client, side, made) => {
      const project = await makeOne('plugin::clientia.project', client, side, made);
      const entry = (await app.strapi.db
        .query('plugin::clientia.activity' as never)
        .findOne({ where: { subjectId: project.documentId, visibleToClient: true } })) as { documentId: string } | null;
      if (!entry) throw new Error('no activity entry was recorded for a new project');
      return entry;
    },
  };

  const makeOne = async (uid: string, client: ClientRef, side: ClientSide, made: MadeRecord[]) => {
    const maker = makers[uid];
    if (!maker) throw new Error(`no record factory for ${uid}: add one to tests/helpers/portal-records.ts`);
    const record = await maker(client, side, made);
    const identifiers = [record.documentId];
    for (const key of ['email', 'assigneeEmail', 'title', 'name', 'subject', 'product']) {
      if (typeof record[key] === 'string') identifiers.push(record[key] as string);
    }
    made.push({ uid, documentId: record.documentId, identifiers });
    return record;
  };

  return {
    /** One record of `uid` for the client; everything made along the way lands in `made`. */
    make: (uid: string, client: ClientRef, side: ClientSide, made: MadeRecord[]) => makeOne(uid, client, side, made),
    /** True when the factory knows the type. */
    knows: (uid: string) => uid in makers,
    uids: () => Object.keys(makers),
    /**
     * What a client's contacts may never see about the client itself or its staff-only records:
     * drafts, internal documents, hidden activity, internal notes, all carrying the staff marker.
     */
    async staffOnly(client: ClientRef) {
      await f.docs('client').update({ documentId: client.documentId, data: { internalNotes: `${STAFF_ONLY_MARKER} client` } as never });
      await f.contract(client, { title: `${STAFF_ONLY_MARKER} draft contract`, state: 'draft', internalNotes: STAFF_ONLY_MARKER });
      await f.invoice(client, { notes: `${STAFF_ONLY_MARKER} draft invoice`, internalNotes: STAFF_ONLY_MARKER });
      await create('plugin::clientia.document', { client: client.documentId, title: `${STAFF_ONLY_MARKER} internal memo`, visibility: 'internal' });
    },
  };
};

export type RecordFactory = ReturnType<typeof recordFactory>;
