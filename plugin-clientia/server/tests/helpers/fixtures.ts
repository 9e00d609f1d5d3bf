import type { TestApp } from './test-app';

type Data = Record<string, unknown>;
let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

/** Records created through the Document Service, as any server-side caller would. */
export const fixtures = (app: TestApp) => {
  const docs = (name: string) => app.strapi.documents(`plugin::clientia.${name}` as 'plugin::clientia.client');
  return {
    docs,
    client: (data: Data = {}) =>
      docs('client').create({ data: { name: `Client ${unique()}`, slug: `client-${unique()}`, currency: 'EUR', ...data } as never }),
    invoice: (client: { documentId: string }, data: Data = {}) =>
      docs('invoice').create({
        data: {
          client: client.documentId,
          currency: 'EUR',
          lineItems: [{ description: 'Advisory, March', quantity: 10, unitPrice: 15000, taxRate: 19 }],
          ...data,
        } as never,
      }),
    payment: (invoice: { documentId: string }, amount: number, data: Data = {}) =>
      docs('payment').create({
        data: { invoice: invoice.documentId, amount, receivedOn: '2026-11-20', method: 'bank_transfer', ...data } as never,
      }),
    contract: (client: { documentId: string }, data: Data = {}) =>
      docs('contract').create({ data: { client: client.documentId, title: 'Master services agreement', kind: 'msa', ...data } as never }),
    licence: (client: { documentId: string }, seatsPurchased: number, data: Data = {}) =>
      docs('licence').create({ data: { client: client.documentId, product: 'Matter Vault', plan: 'Team', seatsPurchased, ...data } as never }),
    seat: (licence: { documentId: string }, data: Data = {}) =>
      docs('seat').create({ data: { licence: licence.documentId, ...data } as never }),
    count: (name: string, filters: Data = {}) => docs(name).count({ filters } as never),
  };
};

/** Runs a write that must be refused and returns the error (fails the test when it succeeds). */
export const refused = async (write: Promise<unknown>) => {
  try {
    await write;
  } catch (error) {
    return error as Error & { name: string; details?: { errors?: { path: string[]; message: string }[] } };
  }
  throw new Error('the write was accepted but should have been refused');
};

/** The field path a ValidationError names, e.g. "lineItems.0.quantity". */
export const fieldOf = (error: { details?: { errors?: { path: string[] }[] } }) =>
  error.details?.errors?.[0]?.path.join('.');
