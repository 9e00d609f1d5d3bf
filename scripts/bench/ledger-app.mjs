/**
 * The reference app as built, plus one plain Strapi API type, `api::ledger-entry.ledger-entry`,
 * with the invoice's own fields. It gives the benchmark Strapi's own REST listing (`/api/ledger-entries`)
 * of the same rows the portal lists, through Strapi's core router, controller and service. The
 * type lives only in this copy of the build, never in the product.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIELDS = {
  number: { type: 'string', maxLength: 64 },
  state: { type: 'enumeration', enum: ['draft', 'issued', 'partially_paid', 'paid', 'overdue', 'void'], required: true, default: 'draft' },
  issueDate: { type: 'date' },
  dueDate: { type: 'date' },
  currency: { type: 'string' },
  lineItems: { type: 'json' },
  subtotal: { type: 'biginteger' },
  tax: { type: 'biginteger' },
  total: { type: 'biginteger' },
  paid: { type: 'biginteger' },
  balance: { type: 'biginteger' },
  periodStart: { type: 'date' },
  periodEnd: { type: 'date' },
  notes: { type: 'text' },
  issuedAt: { type: 'datetime' },
};

const UID = 'api::ledger-entry.ledger-entry';

const file = (at, text) => {
  mkdirSync(path.dirname(at), { recursive: true });
  writeFileSync(at, text);
};

/** Copies `strapi/dist` (without the admin bundle) to `into` and adds the ledger type; returns the new dist dir. */
export const prepareLedgerApp = (root, into) => {
  const source = path.join(root, 'strapi', 'dist');
  const dist = path.join(into, 'dist');
  rmSync(into, { recursive: true, force: true });
  for (const part of ['config', 'src']) cpSync(path.join(source, part), path.join(dist, part), { recursive: true });
  const api = path.join(dist, 'src', 'api', 'ledger-entry');
  const schema = {
    kind: 'collectionType',
    collectionName: 'ledger_entries',
    info: { singularName: 'ledger-entry', pluralName: 'ledger-entries', displayName: 'Ledger entry' },
    options: { draftAndPublish: false },
    attributes: FIELDS,
  };
  file(path.join(api, 'content-types', 'ledger-entry', 'schema.json'), JSON.stringify(schema, null, 2));
  file(path.join(api, 'routes', 'ledger-entry.js'), `module.exports = require('@strapi/strapi').factories.createCoreRouter('${UID}', { only: ['find'] });\n`);
  file(path.join(api, 'controllers', 'ledger-entry.js'), `module.exports = require('@strapi/strapi').factories.createCoreController('${UID}');\n`);
  file(path.join(api, 'services', 'ledger-entry.js'), `module.exports = require('@strapi/strapi').factories.createCoreService('${UID}');\n`);
  return dist;
};

export const LEDGER_UID = UID;
