import type { Core } from '@strapi/strapi';

import { UID } from '../constants';
import { SERVER_OWNED } from '../domain/server-owned';

/**
 * Where staff still meet a Clientia type in Strapi's Content Manager, it speaks the firm's
 * language: labels in words, money fields that say their unit, the fields the server computes
 * shown but not editable, and entries titled by what identifies them (an invoice by its
 * number). Applied at every start; a firm's own field order and list columns are kept.
 */

const MAIN_FIELD: Record<string, string> = {
  [UID.client]: 'name',
  [UID.membership]: 'name',
  [UID.contract]: 'title',
  [UID.invoice]: 'number',
  [UID.payment]: 'reference',
  [UID.retainer]: 'title',
  [UID.licence]: 'product',
  [UID.seat]: 'assigneeName',
  [UID.document]: 'title',
  [UID.project]: 'name',
  [UID.milestone]: 'title',
  [UID.thread]: 'subject',
  [UID.signatureEvent]: 'typedName',
  [UID.activity]: 'subjectLabel',
  [UID.branding]: 'firmName',
};

const MONEY: Record<string, readonly string[]> = {
  [UID.contract]: ['value'],
  [UID.invoice]: ['subtotal', 'tax', 'total', 'paid', 'balance'],
  [UID.payment]: ['amount'],
  [UID.retainer]: ['amount', 'hourlyRate'],
};

/** Written by the server only: every field is shown, none editable. */
const AUDIT = new Set<string>([UID.activity, UID.signatureEvent]);

/** Fields that hold a hash of a secret: of no use to a reader, so not shown. */
const HIDDEN: Record<string, readonly string[]> = {
  [UID.membership]: ['inviteTokenHash'],
};

const WORDS: Record<string, string> = { id: 'ID', url: 'URL', ip: 'IP', pdf: 'PDF', sha256: 'SHA-256', vat: 'VAT' };

/** "dueDate" → "Due date", "taxId" → "Tax ID". */
const fieldLabel = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/\s+/)
    .map((word) => WORDS[word.toLowerCase()] ?? word.toLowerCase());
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
};

interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: Record<string, unknown>;
}

const MONEY_HELP = 'Whole minor units of the currency: 150000 is 1,500.00 EUR or 150,000 JPY.';
const SERVER_HELP = 'Set by the server.';

/** The layout for one type, from the configuration Strapi made for it. */
const clientiaLayout = (uid: string, attributes: Record<string, { type: string }>, configuration: Configuration): Configuration => {
  const owned = new Set([...(SERVER_OWNED[uid] ?? []), ...(AUDIT.has(uid) ? Object.keys(attributes) : [])]);
  const money = new Set(MONEY[uid] ?? []);
  const hidden = new Set(HIDDEN[uid] ?? []);
  const metadatas: Record<string, FieldMetadata> = {};
  for (const [field, metadata] of Object.entries(configuration.metadatas)) {
    if (!(field in attributes)) {
      metadatas[field] = metadata;
      continue;
    }
    const label = money.has(field) ? `${fieldLabel(field)} (minor units)` : fieldLabel(field);
    const help = [money.has(field) ? MONEY_HELP : '', owned.has(field) ? SERVER_HELP : ''].filter(Boolean).join(' ');
    metadatas[field] = {
      edit: {
        ...metadata.edit,
        label,
        description: help || metadata.edit.description || '',
        ...(owned.has(field) ? { editable: false } : {}),
        ...(hidden.has(field) ? { visible: false } : {}),
      },
      list: { ...metadata.list, label },
    };
  }
  const mainField = MAIN_FIELD[uid];
  const settings = mainField && mainField in attributes ? { ...configuration.settings, mainField } : configuration.settings;
  return { ...configuration, settings, metadatas };
};

export const applyContentManagerLayouts = async (strapi: Core.Strapi) => {
  const contentManager = strapi.plugin('content-manager');
  if (!contentManager) return;
  const contentTypes = contentManager.service('content-types') as {
    findConfiguration: (contentType: { uid: string }) => Promise<Configuration>;
    updateConfiguration: (contentType: { uid: string }, configuration: Configuration) => Promise<unknown>;
  };
  for (const uid of Object.keys(MAIN_FIELD)) {
    const contentType = strapi.contentType(uid as never) as unknown as { uid: string; attributes: Record<string, { type: string }> };
    const { settings, metadatas, layouts } = await contentTypes.findConfiguration(contentType);
    if (!metadatas) continue;
    await contentTypes.updateConfiguration(contentType, clientiaLayout(uid, contentType.attributes, { settings, metadatas, layouts }));
  }
};
