/** The demo firm: a small consultancy with two clients and one contact who works with both. */
export const demoBranding = {
  firmName: 'Harbor & Pine Advisory',
  primaryColor: '#1f4e5f',
  accentColor: '#d08c2c',
  portalUrl: 'http://localhost:4321',
  supportEmail: 'support@harborpine.example',
  emailSenderName: 'Harbor & Pine Advisory',
  emailSenderAddress: 'portal@harborpine.example',
  footerText: 'Harbor & Pine Advisory LLP · 12 Quay Street · Portland, ME 04101',
  legalText: 'Harbor & Pine Advisory LLP is registered in Maine. Confidential: for the named client only.',
  defaultLocale: 'en',
};

export type PortalRole = 'owner' | 'admin' | 'billing' | 'member';

export interface DemoContact {
  username: string;
  email: string;
  memberships: { client: string; role: PortalRole; signatory: boolean }[];
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
    locale: 'de-DE',
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
    locale: 'en-US',
    timezone: 'America/Los_Angeles',
    internalNotes: 'Pays by ACH within 10 days.',
  },
] as const;

export const demoContacts: DemoContact[] = [
  {
    username: 'anna.weber',
    email: 'anna@northwind.example',
    memberships: [{ client: 'northwind-logistics', role: 'owner', signatory: true }],
  },
  {
    username: 'jonas.keller',
    email: 'jonas@northwind.example',
    memberships: [{ client: 'northwind-logistics', role: 'billing', signatory: false }],
  },
  {
    username: 'maya.chen',
    email: 'maya@bluebird.example',
    memberships: [{ client: 'bluebird-studio', role: 'owner', signatory: true }],
  },
  {
    username: 'sam.rivera',
    email: 'sam@rivera-consulting.example',
    memberships: [
      { client: 'northwind-logistics', role: 'member', signatory: false },
      { client: 'bluebird-studio', role: 'admin', signatory: false },
    ],
  },
];
