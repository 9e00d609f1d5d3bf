import type { AttentionOverview, ClientOverview } from '../../shared/contracts/admin';

const acme = { documentId: 'client-acme', name: 'Acme Legal' };
const borealis = { documentId: 'client-borealis', name: 'Borealis KK' };

export const attentionOverview = (): AttentionOverview => ({
  overdueInvoices: [
    { documentId: 'inv-1', number: '2026-0007', client: acme, dueDate: '2026-10-01', balance: { amount: 123456, currency: 'EUR' }, daysOverdue: 42 },
    { documentId: 'inv-2', number: '2026-0011', client: borealis, dueDate: '2026-11-10', balance: { amount: 150000, currency: 'JPY' }, daysOverdue: 1 },
  ],
  overdueTotals: [
    { amount: 123456, currency: 'EUR' },
    { amount: 150000, currency: 'JPY' },
  ],
  contractsAwaitingSignature: [
    { documentId: 'con-1', number: 'C-12', title: 'Master services agreement', client: acme, state: 'partially_signed', sentAt: '2026-11-01T09:00:00.000Z' },
  ],
  retainersAboutToBill: [
    { documentId: 'ret-1', title: 'Monthly advisory', client: acme, nextRunDate: '2026-11-14', amount: { amount: 250000, currency: 'EUR' }, interval: 'monthly' },
  ],
  seatUtilisation: [
    { documentId: 'lic-1', product: 'Casebook', plan: 'Team', client: acme, assigned: 5, purchased: 10 },
    { documentId: 'lic-2', product: 'Ledger', plan: null, client: borealis, assigned: 3, purchased: 3 },
  ],
  openThreads: [
    { documentId: 'thr-1', subject: 'Question about invoice 2026-0007', client: acme, lastMessageAt: '2026-11-11T08:30:00.000Z', unreadByStaff: true },
    { documentId: 'thr-2', subject: 'Kick-off dates', client: borealis, lastMessageAt: '2026-11-09T15:00:00.000Z', unreadByStaff: false },
  ],
  renewals: [{ kind: 'licence', documentId: 'lic-2', label: 'Ledger', client: borealis, date: '2026-11-30' }],
  counts: { clients: 12, activeClients: 9, memberships: 31 },
});

export const emptyAttentionOverview = (): AttentionOverview => ({
  overdueInvoices: [],
  overdueTotals: [],
  contractsAwaitingSignature: [],
  retainersAboutToBill: [],
  seatUtilisation: [],
  openThreads: [],
  renewals: [],
  counts: { clients: 0, activeClients: 0, memberships: 0 },
});

export const clientOverview = (): ClientOverview => ({
  client: {
    documentId: 'client-acme',
    name: 'Acme Legal',
    legalName: 'Acme Legal GmbH',
    state: 'active',
    billingEmail: 'billing@acme.example',
    billingAddress: 'Hauptstraße 1\n10115 Berlin',
    taxId: 'DE123456789',
    currency: 'EUR',
    locale: 'de',
    timezone: 'Europe/Berlin',
    portalEnabled: true,
    accountManager: { id: 1, name: 'Maria Keller' },
    internalNotes: 'Prefers calls on Tuesdays.',
  },
  contacts: [
    { membershipId: 'm-1', userId: 10, name: 'Jonas Weber', email: 'jonas@acme.example', role: 'owner', signatory: true, invitedAt: '2026-09-01T10:00:00.000Z', acceptedAt: '2026-09-02T10:00:00.000Z', invitationExpiresAt: null, deactivatedAt: null, blocked: false },
    { membershipId: 'm-2', userId: 11, name: 'Lea Braun', email: 'lea@acme.example', role: 'billing', signatory: false, invitedAt: '2026-11-01T10:00:00.000Z', acceptedAt: null, invitationExpiresAt: null, deactivatedAt: null, blocked: false },
  ],
  contracts: [
    { documentId: 'con-1', number: 'C-12', title: 'Master services agreement', kind: 'msa', state: 'signed', effectiveDate: '2026-01-01', endDate: null, value: { amount: 1200000, currency: 'EUR' } },
  ],
  retainers: [
    { documentId: 'ret-1', title: 'Monthly advisory', state: 'active', amount: { amount: 250000, currency: 'EUR' }, interval: 'monthly', nextRunDate: '2026-12-01', includedHours: 10, hoursThisPeriod: 12.5 },
  ],
  invoices: [
    { documentId: 'inv-1', kind: 'invoice', number: '2026-0007', state: 'overdue', issueDate: '2026-09-01', dueDate: '2026-10-01', total: { amount: 123456, currency: 'EUR' }, balance: { amount: 123456, currency: 'EUR' } },
    { documentId: 'inv-3', kind: 'invoice', number: '2026-0003', state: 'paid', issueDate: '2026-06-01', dueDate: '2026-07-01', total: { amount: 50000, currency: 'EUR' }, balance: { amount: 0, currency: 'EUR' } },
  ],
  balance: [{ amount: 123456, currency: 'EUR' }],
  licences: [
    {
      documentId: 'lic-3',
      product: 'Casebook',
      plan: 'Team',
      purchased: 2,
      assigned: 2,
      renewalDate: '2027-01-01',
      seats: [
        { documentId: 's-1', assigneeName: 'Jonas Weber', assigneeEmail: 'jonas@acme.example' },
        { documentId: 's-2', assigneeName: 'Lea Braun', assigneeEmail: 'lea@acme.example' },
      ],
    },
    {
      documentId: 'lic-4',
      product: 'Ledger',
      plan: null,
      purchased: 3,
      assigned: 1,
      renewalDate: null,
      seats: [
        { documentId: 's-3', assigneeName: 'Jonas Weber', assigneeEmail: null },
        { documentId: 's-4', assigneeName: null, assigneeEmail: null },
        { documentId: 's-5', assigneeName: null, assigneeEmail: null },
      ],
    },
  ],
  documents: [
    { documentId: 'doc-1', title: 'Engagement letter', folder: 'Contracts', visibility: 'shared', version: 2, size: 204800, updatedAt: '2026-10-10T10:00:00.000Z' },
    { documentId: 'doc-2', title: 'Conflict check', folder: '', visibility: 'internal', version: 1, size: null, updatedAt: '2026-10-11T10:00:00.000Z' },
  ],
  projects: [
    {
      documentId: 'prj-1',
      name: 'Website relaunch',
      state: 'active',
      progress: 40,
      dueDate: '2027-02-01',
      milestones: [
        { documentId: 'ms-1', title: 'Design approved', state: 'done', dueDate: '2026-10-01' },
        { documentId: 'ms-2', title: 'Go live', state: 'pending', dueDate: '2027-02-01' },
      ],
    },
  ],
  threads: [{ documentId: 'thr-1', subject: 'Question about invoice 2026-0007', state: 'open', lastMessageAt: '2026-11-11T08:30:00.000Z' }],
  activity: [
    { occurredAt: '2026-11-11T08:30:00.000Z', actorType: 'staff', actorLabel: 'Maria Keller', verb: 'created', subjectType: 'invoice', subjectId: 'inv-1', subjectLabel: '2026-0007', visibleToClient: true },
    { occurredAt: '2026-11-10T08:30:00.000Z', actorType: 'staff', actorLabel: 'Maria Keller', verb: 'updated', subjectType: 'client', subjectId: 'client-acme', subjectLabel: 'Acme Legal', visibleToClient: false },
  ],
});

export const emptyClientOverview = (): ClientOverview => ({
  ...clientOverview(),
  contacts: [],
  contracts: [],
  retainers: [],
  invoices: [],
  balance: [],
  licences: [],
  documents: [],
  projects: [],
  threads: [],
  activity: [],
});
