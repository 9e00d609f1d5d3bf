/**
 * Fills a freshly synced Strapi database with a firm of a given size, by straight batched INSERTs
 * into Strapi's own tables (names and link tables read from Strapi's metadata, so the rows are
 * exactly what the document service would have written). Ids are assigned here, so relations
 * need no read-back; PostgreSQL sequences are moved past them at the end.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Per client; a tier multiplies these by its client count. */
export const PER_CLIENT = {
  contacts: 2,
  invoices: 100,
  linesPerInvoice: 5,
  contracts: 5,
  documents: 10,
  threads: 5,
  messagesPerThread: 4,
  projects: 2,
  milestonesPerProject: 5,
  timeEntries: 20,
  activities: 30,
};

export const TIERS = {
  S: { clients: 100 },
  M: { clients: 1_000 },
  L: { clients: 10_000 },
};

export const BENCH_PASSWORD = 'bench-Password-1';

const C = 'plugin::clientia.';
const DAY = 86_400_000;
const NOW = Date.now();
const TODAY = new Date(NOW).toISOString().slice(0, 10);

const isoDay = (offsetDays) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offsetDays * DAY).toISOString().slice(0, 10);
const documentId = () => randomBytes(12).toString('hex').slice(0, 24);

/** A small deterministic generator, so two runs of a tier hold the same data. */
const random = (seed) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * Writes rows of one content type: attribute names in, columns and link-table rows out.
 * Relation attributes take an id (or, for many-to-many, a list of ids).
 */
class Writer {
  constructor(strapi, trx) {
    this.strapi = strapi;
    this.trx = trx;
    this.isPostgres = strapi.db.dialect.client === 'postgres';
    this.pending = new Map();
    this.tables = new Set();
    this.rowsWritten = 0;
    this.full = false;
  }

  async add(uid, row) {
    const meta = this.strapi.db.metadata.get(uid);
    const record = { document_id: documentId(), created_at: new Date(NOW), updated_at: new Date(NOW), published_at: new Date(NOW) };
    const links = [];
    for (const [name, value] of Object.entries(row)) {
      const attribute = meta.attributes[name];
      if (!attribute) throw new Error(`${uid} has no attribute ${name}`);
      if (attribute.type === 'relation') {
        if (value === null || value === undefined) continue;
        const join = attribute.joinTable;
        if (!join) throw new Error(`${uid}.${name} is not the owning side of its relation`);
        const targets = Array.isArray(value) ? value : [value];
        for (const [index, target] of targets.entries()) {
          const link = { [join.joinColumn.name]: row.id, [join.inverseJoinColumn.name]: target };
          if (join.orderColumnName) link[join.orderColumnName] = index + 1;
          if (join.inverseOrderColumnName) link[join.inverseOrderColumnName] = 1;
          links.push([join.name, link]);
        }
        continue;
      }
      const column = attribute.columnName ?? name;
      record[column] = attribute.type === 'json' && value !== null ? JSON.stringify(value) : value;
    }
    this.queue(meta.tableName, record);
    for (const [table, link] of links) this.queue(table, link);
    if (this.full) await this.flush();
  }

  queue(table, record) {
    this.tables.add(table);
    const list = this.pending.get(table) ?? [];
    list.push(record);
    this.pending.set(table, list);
    if (list.length >= this.batchSize(record)) this.full = true;
  }

  /**
   * Rows per INSERT: PostgreSQL binds at most 65535 values in one statement; knex writes a
   * multi-row insert for SQLite as a compound SELECT, which SQLite caps at 500 terms.
   */
  batchSize(record) {
    return Math.max(1, Math.min(this.isPostgres ? 5_000 : 500, Math.floor(30_000 / Object.keys(record).length)));
  }

  async flushTable(table) {
    const list = this.pending.get(table);
    if (!list?.length) return;
    this.pending.set(table, []);
    // One column list for the whole batch: rows that left an attribute out write NULL.
    const columns = [...new Set(list.flatMap((record) => Object.keys(record)))];
    const size = this.batchSize(list[0]);
    for (let at = 0; at < list.length; at += size) {
      const rows = list.slice(at, at + size).map((record) => Object.fromEntries(columns.map((column) => [column, record[column] ?? null])));
      await this.trx(table).insert(rows);
      this.rowsWritten += rows.length;
    }
  }

  /** Records before links, so every link's foreign keys point at rows already written. */
  async flush() {
    const tables = [...this.pending.keys()];
    const isLink = (table) => /_lnk$/.test(table);
    for (const table of tables.filter((t) => !isLink(t))) await this.flushTable(table);
    for (const table of tables.filter(isLink)) await this.flushTable(table);
    this.full = false;
  }

  async resetSequences() {
    if (!this.isPostgres) return;
    for (const table of this.tables) {
      await this.trx.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST((SELECT MAX(id) FROM ??), 1))`, [table, table]);
    }
  }
}

const pick = (rand, weighted) => {
  let roll = rand();
  for (const [value, weight] of weighted) {
    if ((roll -= weight) < 0) return value;
  }
  return weighted[weighted.length - 1][0];
};

const INVOICE_STATES = [
  ['paid', 0.8],
  ['issued', 0.08],
  ['overdue', 0.05],
  ['partially_paid', 0.03],
  ['draft', 0.02],
  ['void', 0.02],
];

/**
 * Seeds `clients` clients with everything in PER_CLIENT, plus the same invoices as ledger entries
 * (the plain Strapi API type the benchmark lists for comparison). Returns what it wrote and the
 * contact the benchmark signs in as.
 */
export const seedFirm = async (strapi, { clients }) => {
  const started = Date.now();
  const bcrypt = require('bcryptjs');
  const passwordHash = bcrypt.hashSync(BENCH_PASSWORD, 10);
  // Contacts hold the plugin's own users-permissions role, as invitations give it.
  const contactRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'client-contact' } });
  const ledger = strapi.db.metadata.get('api::ledger-entry.ledger-entry');
  const counts = {};
  const rand = random(clients);
  let ids = { user: 0, membership: 0, invoice: 0, payment: 0, contract: 0, document: 0, thread: 0, message: 0, project: 0, milestone: 0, retainer: 0, time: 0, activity: 0, event: 0 };

  const writer = await strapi.db.connection.transaction(async (trx) => {
    const w = new Writer(strapi, trx);
    for (let c = 1; c <= clients; c += 1) {
      const slug = `client-${String(c).padStart(5, '0')}`;
      await w.add(`${C}client`, {
        id: c,
        name: `Client ${String(c).padStart(5, '0')} Ltd`,
        slug,
        state: 'active',
        legalName: `Client ${c} Limited`,
        billingEmail: `billing@${slug}.example`,
        currency: c % 5 === 0 ? 'USD' : 'EUR',
        preferredLocale: c % 3 === 0 ? 'de' : 'en',
        timezone: 'Europe/Berlin',
        portalEnabled: true,
      });

      const members = [];
      for (let k = 0; k < PER_CLIENT.contacts; k += 1) {
        const user = (ids.user += 1);
        const email = `contact${k + 1}@${slug}.example`;
        await w.add('plugin::users-permissions.user', {
          id: user,
          username: email,
          email,
          provider: 'local',
          password: passwordHash,
          confirmed: true,
          blocked: false,
          role: contactRole.id,
        });
        const membership = (ids.membership += 1);
        members.push({ membership, user });
        await w.add(`${C}membership`, {
          id: membership,
          client: c,
          user,
          name: `Contact ${k + 1} of client ${c}`,
          role: k === 0 ? 'owner' : 'billing',
          signatory: k === 0,
          invitedAt: new Date(NOW - 400 * DAY),
          acceptedAt: new Date(NOW - 399 * DAY),
        });
      }

      for (let i = 0; i < PER_CLIENT.invoices; i += 1) {
        const id = (ids.invoice += 1);
        const state = pick(rand, INVOICE_STATES);
        // Spread over three years back, the open ones recent.
        const issued = state === 'issued' || state === 'partially_paid' ? -Math.floor(rand() * 25) : state === 'overdue' ? -40 - Math.floor(rand() * 60) : -Math.floor(rand() * 1095);
        const lineItems = Array.from({ length: PER_CLIENT.linesPerInvoice }, (_, n) => ({
          description: `Advisory work, item ${n + 1}`,
          quantity: 1 + (n % 4),
          unitPrice: 5_000 + Math.floor(rand() * 50_000),
          taxRate: 19,
        }));
        const subtotal = lineItems.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
        const tax = Math.round(subtotal * 0.19);
        const total = subtotal + tax;
        const paid = state === 'paid' ? total : state === 'partially_paid' ? Math.round(total / 2) : 0;
        const invoice = {
          id,
          number: state === 'draft' ? null : `INV-${c}-${String(i + 1).padStart(4, '0')}`,
          state,
          issueDate: isoDay(issued),
          dueDate: isoDay(issued + 30),
          currency: c % 5 === 0 ? 'USD' : 'EUR',
          lineItems,
          subtotal,
          tax,
          total,
          paid,
          balance: state === 'void' ? 0 : total - paid,
          notes: null,
          issuedAt: state === 'draft' ? null : new Date(Date.parse(`${isoDay(issued)}T09:00:00Z`)),
        };
        await w.add(`${C}invoice`, { ...invoice, client: c });
        if (ledger) await w.add('api::ledger-entry.ledger-entry', invoice);
        if (paid > 0) {
          await w.add(`${C}payment`, {
            id: (ids.payment += 1),
            invoice: id,
            client: c,
            amount: paid,
            currency: invoice.currency,
            receivedOn: isoDay(Math.min(issued + 20, 0)),
            method: 'bank_transfer',
            reference: `TX-${id}`,
          });
        }
      }

      const owner = members[0];
      for (let k = 0; k < PER_CLIENT.contracts; k += 1) {
        const id = (ids.contract += 1);
        const awaiting = k === 0;
        await w.add(`${C}contract`, {
          id,
          client: c,
          number: `CTR-${c}-${k + 1}`,
          title: awaiting ? 'Statement of work, next phase' : `Agreement ${k + 1}`,
          kind: k === 0 ? 'sow' : k === 1 ? 'msa' : 'nda',
          state: awaiting ? 'sent' : 'signed',
          effectiveDate: isoDay(-300 + k * 30),
          version: 1,
          signatories: [owner.membership],
          sequentialSigning: false,
          sentAt: new Date(NOW - (awaiting ? 2 : 300) * DAY),
          signedAt: awaiting ? null : new Date(NOW - 290 * DAY),
        });
        // Each contract's trail: sent, then viewed, signed and completed once signed.
        const types = awaiting ? ['sent'] : ['sent', 'viewed', 'signed', 'completed'];
        for (const [n, type] of types.entries()) {
          const signer = type === 'viewed' || type === 'signed';
          await w.add(`${C}signature-event`, {
            id: (ids.event += 1),
            contract: id,
            client: c,
            type,
            contractVersion: 1,
            documentHash: 'a'.repeat(64),
            user: signer ? owner.user : null,
            email: signer ? `contact1@${slug}.example` : null,
            typedName: type === 'signed' ? `Contact 1 of client ${c}` : null,
            occurredAt: new Date(NOW - (300 - n) * DAY),
            ip: '203.0.113.7',
            previousHash: n === 0 ? null : String(ids.event - 1).padStart(64, '0'),
            hash: String(ids.event).padStart(64, '0'),
          });
        }
      }

      for (let k = 0; k < PER_CLIENT.documents; k += 1) {
        await w.add(`${C}document`, {
          id: (ids.document += 1),
          client: c,
          title: `Report ${k + 1}`,
          folder: k % 2 ? 'Reports' : 'Deliverables',
          visibility: k % 5 === 4 ? 'internal' : 'shared',
          versionGroup: `${slug}-doc-${k}`,
          version: 1,
          size: 120_000,
          sha256: '0'.repeat(64),
          fileName: `report-${k + 1}.pdf`,
          mimeType: 'application/pdf',
          storageKey: `bench/${slug}/${k}.pdf`,
        });
      }

      for (let k = 0; k < PER_CLIENT.threads; k += 1) {
        const thread = (ids.thread += 1);
        const last = NOW - k * 3 * DAY;
        await w.add(`${C}thread`, {
          id: thread,
          client: c,
          subject: `Question ${k + 1}`,
          state: 'open',
          lastMessageAt: new Date(last),
          staffReadAt: new Date(last),
          // The newest thread has a reply the client has not read yet.
          clientReadAt: new Date(k === 0 ? last - DAY : last),
          startedByContact: owner.user,
        });
        for (let m = 0; m < PER_CLIENT.messagesPerThread; m += 1) {
          const staff = m % 2 === 1;
          await w.add(`${C}message`, {
            id: (ids.message += 1),
            thread,
            client: c,
            body: staff ? 'Thanks, we are on it and will get back to you this week.' : 'Could you send the latest figures?',
            authorType: staff ? 'staff' : 'contact',
            authorContact: staff ? null : owner.user,
            attachments: [],
          });
        }
      }

      for (let p = 0; p < PER_CLIENT.projects; p += 1) {
        const project = (ids.project += 1);
        await w.add(`${C}project`, { id: project, client: c, name: `Project ${p + 1}`, state: 'active', progress: 40, startDate: isoDay(-60), dueDate: isoDay(90) });
        for (let m = 0; m < PER_CLIENT.milestonesPerProject; m += 1) {
          const due = -20 + m * 12 + p * 5;
          await w.add(`${C}milestone`, {
            id: (ids.milestone += 1),
            project,
            client: c,
            title: `Milestone ${m + 1}`,
            dueDate: isoDay(due),
            state: due < 0 ? 'done' : m === 2 ? 'in_progress' : 'pending',
            order: m + 1,
          });
        }
      }

      const retainer = (ids.retainer += 1);
      await w.add(`${C}retainer`, {
        id: retainer,
        client: c,
        title: 'Monthly advisory retainer',
        amount: 400_000,
        currency: c % 5 === 0 ? 'USD' : 'EUR',
        interval: 'monthly',
        startDate: isoDay(-400),
        nextRunDate: isoDay(20),
        includedHours: 20,
        hourlyRate: 15_000,
        taxRate: 19,
        state: 'active',
      });
      for (let k = 0; k < PER_CLIENT.timeEntries; k += 1) {
        await w.add(`${C}time-entry`, {
          id: (ids.time += 1),
          client: c,
          retainer,
          date: isoDay(-Math.floor(k * 3)),
          hours: 1.5,
          description: 'Advice by phone',
          billable: k % 7 !== 6,
        });
      }

      for (let k = 0; k < PER_CLIENT.activities; k += 1) {
        await w.add(`${C}activity`, {
          id: (ids.activity += 1),
          client: c,
          actorType: k % 3 === 0 ? 'contact' : 'staff',
          actorContact: k % 3 === 0 ? owner.user : null,
          actorLabel: k % 3 === 0 ? 'Contact 1' : 'Firm staff',
          verb: 'updated',
          subjectType: 'invoice',
          subjectId: String(k),
          subjectLabel: `Invoice ${k}`,
          visibleToClient: true,
          occurredAt: new Date(NOW - k * DAY),
        });
      }
    }
    await w.flush();
    await w.resetSequences();
    return w;
  });

  for (const table of writer.tables) counts[table] = Number((await strapi.db.connection(table).count({ n: '*' }))[0].n);
  // Fresh statistics, as a database that grew to this size over years would have.
  await strapi.db.connection.raw('ANALYZE');
  return { rows: writer.rowsWritten, counts, seconds: (Date.now() - started) / 1000 };
};

/** The contact the benchmark acts as: owner and signatory of a client in the middle of the list. */
export const benchContact = (clients) => {
  const c = Math.ceil(clients / 2);
  // Users and memberships were numbered client by client, the owner first.
  const first = (c - 1) * PER_CLIENT.contacts + 1;
  return { email: `contact1@client-${String(c).padStart(5, '0')}.example`, password: BENCH_PASSWORD, clientId: c, userId: first, membershipId: first };
};
