/**
 * The demo firm: a small consultancy with four clients — a logistics company, a design studio, a
 * law firm in London and a food bank still deciding — and one contact who works with two of them.
 */
export const demoBranding = {
  firmName: 'Harbor & Pine Advisory',
  primaryColor: '#1f4e5f',
  accentColor: '#9a6418',
  // No portal URL of its own: the demo portal is wherever PORTAL_URL says, on any port.
  supportEmail: 'support@harborpine.example',
  emailSenderName: 'Harbor & Pine Advisory',
  emailSenderAddress: 'portal@harborpine.example',
  footerText: 'Harbor & Pine Advisory LLP · 12 Quay Street · Portland, ME 04101',
  legalText: 'Harbor & Pine Advisory LLP is registered in Maine. Confidential: for the named client only.',
  firmAddress: 'Harbor & Pine Advisory LLP\n12 Quay Street\nPortland, ME 04101\nUnited States',
  taxId: 'EIN 12-3456789',
  paymentInstructions: 'Bank transfer to Harbor & Pine Advisory LLP\nPortland Savings Bank · Account 0042 1187 · Routing 011201539\nPlease quote the invoice number.',
  defaultLocale: 'en',
};

type PortalRole = 'owner' | 'admin' | 'billing' | 'member';

interface DemoContact {
  username: string;
  name: string;
  email: string;
  memberships: { client: ClientSlug; role: PortalRole; signatory: boolean }[];
}

export const demoClients = [
  {
    slug: 'northwind-logistics',
    name: 'Northwind Logistics',
    legalName: 'Northwind Logistics GmbH',
    billingEmail: 'accounts@northwind.example',
    billingAddress: 'Speicherstadt 4\n20457 Hamburg\nGermany',
    taxId: 'DE123456789',
    currency: 'EUR',
    preferredLocale: 'de-DE',
    timezone: 'Europe/Berlin',
    internalNotes: 'Renewal talks in Q1; prefers invoices in German.',
  },
  {
    slug: 'bluebird-studio',
    name: 'Bluebird Studio',
    legalName: 'Bluebird Studio Inc.',
    billingEmail: 'finance@bluebird.example',
    billingAddress: '410 Market Street\nSan Francisco, CA 94111\nUSA',
    taxId: '94-1234567',
    currency: 'USD',
    preferredLocale: 'en-US',
    timezone: 'America/Los_Angeles',
    internalNotes: 'Pays by ACH within 10 days.',
  },
  {
    slug: 'calder-finch',
    name: 'Calder & Finch LLP',
    legalName: 'Calder & Finch LLP',
    billingEmail: 'accounts@calderfinch.example',
    billingAddress: '27 Bedford Row\nLondon WC1R 4HE\nUnited Kingdom',
    taxId: 'GB 123 4567 89',
    currency: 'GBP',
    preferredLocale: 'en-GB',
    timezone: 'Europe/London',
    internalNotes: 'Partners approve spend over £5,000; send quotes to Olivia first.',
  },
  {
    slug: 'tidewater-food-bank',
    name: 'Tidewater Food Bank',
    legalName: 'Tidewater Food Bank, Inc.',
    billingEmail: 'office@tidewaterfoodbank.example',
    billingAddress: '88 Commercial Street\nPortland, ME 04101\nUSA',
    taxId: '01-0987654',
    currency: 'USD',
    preferredLocale: 'en-US',
    timezone: 'America/New_York',
    state: 'prospect',
    portalEnabled: false,
    internalNotes: 'Pro bono scoping; board decides on the volunteer-scheduling project next month.',
  },
] as const;

export type ClientSlug = (typeof demoClients)[number]['slug'];

export const demoContacts: DemoContact[] = [
  {
    username: 'anna.weber',
    name: 'Anna Weber',
    email: 'anna@northwind.example',
    memberships: [{ client: 'northwind-logistics', role: 'owner', signatory: true }],
  },
  {
    username: 'jonas.keller',
    name: 'Jonas Keller',
    email: 'jonas@northwind.example',
    memberships: [{ client: 'northwind-logistics', role: 'billing', signatory: false }],
  },
  {
    username: 'lena.hoffmann',
    name: 'Lena Hoffmann',
    email: 'lena@northwind.example',
    memberships: [{ client: 'northwind-logistics', role: 'admin', signatory: false }],
  },
  {
    username: 'maya.chen',
    name: 'Maya Chen',
    email: 'maya@bluebird.example',
    memberships: [{ client: 'bluebird-studio', role: 'owner', signatory: true }],
  },
  {
    username: 'sam.rivera',
    name: 'Sam Rivera',
    email: 'sam@rivera-consulting.example',
    memberships: [
      { client: 'northwind-logistics', role: 'member', signatory: false },
      { client: 'bluebird-studio', role: 'admin', signatory: false },
    ],
  },
  {
    username: 'olivia.grant',
    name: 'Olivia Grant',
    email: 'olivia@calderfinch.example',
    memberships: [{ client: 'calder-finch', role: 'owner', signatory: true }],
  },
  {
    username: 'tom.baker',
    name: 'Tom Baker',
    email: 'tom@calderfinch.example',
    memberships: [{ client: 'calder-finch', role: 'billing', signatory: false }],
  },
];
