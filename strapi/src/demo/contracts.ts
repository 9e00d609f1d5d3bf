import { createHash } from 'node:crypto';

import { addMonths, type Calendar, type IsoDate } from './calendar';
import { agreementPdf } from './contract-pdf';
import { membershipKey, type DemoContext } from './context';
import { demoBranding, type ClientSlug } from './firm';

interface ContractPlan {
  key: string;
  client: ClientSlug;
  title: string;
  kind: 'msa' | 'sow' | 'nda' | 'licence' | 'retainer_agreement' | 'amendment';
  /** Contracts signed before the portal are recorded as active; new ones start as draft or sent. */
  state: 'draft' | 'sent' | 'signed' | 'active';
  effectiveDate?: IsoDate;
  endDate?: IsoDate;
  renewalDate?: IsoDate;
  /** Minor units of the client's currency. */
  value?: number;
  amends?: string;
  /** Emails of the contacts who sign for the client. */
  signatories?: string[];
  internalNotes?: string;
}

const contractPlans = ({ day, monthStart }: Calendar): ContractPlan[] => [
  {
    key: 'northwind-msa',
    client: 'northwind-logistics',
    title: 'Master Services Agreement',
    kind: 'msa',
    state: 'active',
    effectiveDate: day(-240),
    endDate: day(125),
    renewalDate: day(21),
    value: 18_000_000,
    signatories: ['anna@northwind.example'],
    internalNotes: 'Renewal notice due three months before the end date; Anna wants a two-year term.',
  },
  {
    key: 'northwind-nda',
    client: 'northwind-logistics',
    title: 'Mutual non-disclosure agreement',
    kind: 'nda',
    state: 'active',
    effectiveDate: day(-262),
    endDate: day(833),
    internalNotes: 'Signed on paper before the portal; scan in Documents › Contracts.',
  },
  {
    key: 'northwind-sow-network',
    client: 'northwind-logistics',
    title: 'SOW 2: Warehouse network redesign',
    kind: 'sow',
    state: 'active',
    effectiveDate: day(-70),
    endDate: day(50),
    value: 6_400_000,
  },
  {
    key: 'northwind-amendment-rates',
    client: 'northwind-logistics',
    title: 'Amendment No. 1 to the MSA: revised rate card',
    kind: 'amendment',
    state: 'signed',
    amends: 'northwind-msa',
    effectiveDate: addMonths(monthStart, 1),
    endDate: day(125),
    signatories: ['anna@northwind.example'],
  },
  {
    key: 'northwind-sow-routing',
    client: 'northwind-logistics',
    title: 'SOW 3: Regional routing assessment',
    kind: 'sow',
    state: 'sent',
    effectiveDate: day(7),
    endDate: day(97),
    value: 4_200_000,
    signatories: ['anna@northwind.example'],
    internalNotes: 'Fixed fee; Jonas needs the PO raised before kick-off.',
  },
  {
    key: 'bluebird-msa',
    client: 'bluebird-studio',
    title: 'Master Services Agreement',
    kind: 'msa',
    state: 'active',
    effectiveDate: day(-339),
    endDate: day(26),
    renewalDate: day(26),
    value: 9_600_000,
    signatories: ['maya@bluebird.example'],
    internalNotes: 'Maya has asked for a renewal proposal with a smaller monthly retainer.',
  },
  {
    key: 'bluebird-sow-playbook',
    client: 'bluebird-studio',
    title: 'SOW: Studio operations playbook',
    kind: 'sow',
    state: 'active',
    effectiveDate: day(-35),
    endDate: day(55),
    value: 2_400_000,
  },
  {
    key: 'bluebird-sow-brand-ops',
    client: 'bluebird-studio',
    title: 'SOW: Brand operations sprint',
    kind: 'sow',
    state: 'draft',
    effectiveDate: day(30),
    endDate: day(72),
    value: 1_800_000,
    internalNotes: 'Waiting for the playbook to land before we send this.',
  },
  {
    key: 'calder-msa',
    client: 'calder-finch',
    title: 'Engagement letter and terms of business',
    kind: 'msa',
    state: 'active',
    effectiveDate: day(-150),
    endDate: day(215),
    renewalDate: day(185),
    value: 7_200_000,
    signatories: ['olivia@calderfinch.example'],
  },
  {
    key: 'calder-nda',
    client: 'calder-finch',
    title: 'Confidentiality undertaking',
    kind: 'nda',
    state: 'active',
    effectiveDate: day(-158),
  },
  {
    key: 'calder-retainer-agreement',
    client: 'calder-finch',
    title: 'Practice management retainer agreement',
    kind: 'retainer_agreement',
    state: 'active',
    effectiveDate: day(-136),
    endDate: day(230),
    value: 3_600_000,
  },
  {
    key: 'calder-sow-intake',
    client: 'calder-finch',
    title: 'SOW: Client intake process review',
    kind: 'sow',
    state: 'sent',
    effectiveDate: day(14),
    endDate: day(84),
    value: 1_240_000,
    signatories: ['olivia@calderfinch.example'],
    internalNotes: 'Partners meet on Thursday to approve; expect the signature after that.',
  },
  {
    key: 'tidewater-nda',
    client: 'tidewater-food-bank',
    title: 'Mutual non-disclosure agreement',
    kind: 'nda',
    state: 'draft',
    internalNotes: 'Pro bono: no fee; NDA first because the scheduling data names volunteers.',
  },
];

type SendForSignature = (documentId: string, body: { signatories: string[]; sequential: boolean }, context: Record<string, unknown>) => Promise<unknown>;

/** The plugin's send action, so a demo contract out for signature is sent as staff would send it. */
const sender = (ctx: DemoContext): SendForSignature | null => {
  const service = ctx.strapi.plugin('clientia').service('signing') as { send?: SendForSignature } | undefined;
  return typeof service?.send === 'function' ? service.send : null;
};

const fees = (minor: number | undefined, currency: unknown) =>
  minor === undefined ? undefined : new Intl.NumberFormat('en-GB', { style: 'currency', currency: String(currency || 'USD') }).format(minor / 100);

/** A contract the seed records as signed in the portal: its trail is seeded with it. */
export interface SignedContract {
  key: string;
  client: ClientSlug;
  /** SHA-256 of the contract's PDF as seeded. */
  documentHash: string;
  signatories: string[];
  effectiveDate?: IsoDate;
}

/**
 * Contracts in an order where every amended contract exists before its amendment, each with its
 * PDF. Those out for signature are sent through the plugin, which records the PDF's SHA-256 and
 * emails the signatories. Returns the contracts recorded as signed that name who signed them:
 * a contract that names signatories is only shown as signed with the trail that says so.
 */
export const seedContracts = async (ctx: DemoContext): Promise<SignedContract[]> => {
  const signed: SignedContract[] = [];
  const toSend: { documentId: string; signatories: string[] }[] = [];
  for (const { key, client, amends, signatories = [], ...contract } of contractPlans(ctx.calendar)) {
    const owner = ctx.find('client', client);
    const bytes = await agreementPdf({
      firmName: demoBranding.firmName,
      clientName: String(owner.name),
      title: contract.title,
      effectiveDate: contract.effectiveDate,
      endDate: contract.endDate,
      fees: fees(contract.value, owner.currency),
    });
    const documentHash = createHash('sha256').update(bytes).digest('hex');
    if ((contract.state === 'signed' || contract.state === 'active') && signatories.length > 0) {
      signed.push({ key, client, documentHash, signatories, effectiveDate: contract.effectiveDate });
    }
    const memberships = signatories.map((email) => ctx.find('membership', membershipKey(client, email)).documentId);
    const send = contract.state === 'sent' && sender(ctx) !== null;
    const created = await ctx.create('contract', {
      ...contract,
      state: send ? 'draft' : contract.state,
      client: owner.documentId,
      amends: amends ? ctx.find('contract', amends).documentId : undefined,
      signatories: memberships,
    });
    // Kept in the plugin's private store, like a PDF staff upload in the contract editor.
    await ctx.strapi.plugin('clientia').service('signing').attachFile(created.documentId, { fileName: `${key}.pdf`, bytes });
    ctx.remember('contract', key, created);
    if (send) toSend.push({ documentId: created.documentId, signatories: memberships });
  }
  const send = sender(ctx);
  for (const contract of toSend) {
    await send!(contract.documentId, { signatories: contract.signatories, sequential: false }, { ip: null, userAgent: null, sessionHash: null, authMethod: 'admin', staffEmail: null });
  }
  return signed;
};
