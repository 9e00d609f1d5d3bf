import { fieldOf, fixtures, refused } from '../helpers/fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('contracts and seats', () => {
  let app: TestApp;
  let f: ReturnType<typeof fixtures>;

  beforeAll(async () => {
    app = await startTestApp();
    f = fixtures(app);
  });
  afterAll(async () => app?.stop());

  describe('contracts', () => {
    it('are numbered by the server, sequentially, whatever the caller sends', async () => {
      const client = await f.client();
      const a = await f.contract(client, { number: 'MINE-1' });
      const b = await f.contract(client);
      expect(a.number).toMatch(new RegExp(`^CTR-${new Date().getUTCFullYear()}-\\d{3}$`));
      expect(Number(b.number.slice(-3))).toBe(Number(a.number.slice(-3)) + 1);
      expect(a.currency).toBe('EUR');
    });

    it('cannot be edited once signed, only moved on or amended', async () => {
      const client = await f.client();
      const contract = await f.contract(client, { state: 'sent', value: 1200000 });
      expect(contract.sentAt).toBeTruthy();
      const signed = await f.docs('contract').update({ documentId: contract.documentId, data: { state: 'signed' } as never });
      expect(signed!.signedAt).toBeTruthy();

      const edit = await refused(f.docs('contract').update({ documentId: contract.documentId, data: { title: 'Changed terms' } as never }));
      expect(fieldOf(edit)).toBe('title');
      expect(edit.message).toMatch(/create an amendment/);
      expect(fieldOf(await refused(f.docs('contract').update({ documentId: contract.documentId, data: { value: 1 } as never })))).toBe('value');
      expect(fieldOf(await refused(f.docs('contract').delete({ documentId: contract.documentId })))).toBe('state');

      // Staff notes and the lifecycle go on.
      await f.docs('contract').update({ documentId: contract.documentId, data: { internalNotes: 'Renewal call in March' } as never });
      const active = await f.docs('contract').update({ documentId: contract.documentId, data: { state: 'active' } as never });
      expect(active!.state).toBe('active');
      const stored = await app.strapi.db.query('plugin::clientia.contract').findOne({ where: { id: contract.id } });
      expect(stored.title).toBe('Master services agreement');

      const amendment = await f.contract(client, { kind: 'amendment', title: 'Amendment 1: rates 2027', amends: contract.documentId });
      expect(amendment.number).toBeTruthy();
    });

    it('refuses impossible steps and incomplete amendments', async () => {
      const client = await f.client();
      const draft = await f.contract(client);
      expect(fieldOf(await refused(f.docs('contract').update({ documentId: draft.documentId, data: { state: 'active' } as never })))).toBe('state');
      expect(fieldOf(await refused(f.contract(client, { state: 'declined' })))).toBe('state');
      expect(fieldOf(await refused(f.contract(client, { kind: 'amendment', title: 'Orphan amendment' })))).toBe('amends');
      const other = await f.client();
      const foreign = await f.contract(other);
      expect(fieldOf(await refused(f.contract(client, { kind: 'amendment', amends: foreign.documentId })))).toBe('amends');
    });

    it('takes signatories only among the contacts of its client', async () => {
      const client = await f.client();
      const other = await f.client();
      const user = await app.strapi.documents('plugin::users-permissions.user').create({
        data: { username: 'sig-outsider', email: 'outsider@other.example', password: 'Outsider-Pa55', provider: 'local', confirmed: true } as never,
      });
      const foreignMembership = await f.docs('membership').create({ data: { client: other.documentId, user: user.documentId, role: 'owner' } as never });
      const error = await refused(f.contract(client, { signatories: [foreignMembership.documentId] }));
      expect(fieldOf(error)).toBe('signatories');
    });
  });

  describe('seats', () => {
    it('can be assigned up to the seats purchased, not one more', async () => {
      const client = await f.client();
      const licence = await f.licence(client, 2);
      const first = await f.seat(licence, { assigneeName: 'Ada Park', assigneeEmail: 'Ada@Client.example ' });
      await f.seat(licence, { assigneeName: 'Ben Ito', assigneeEmail: 'ben@client.example' });
      const vacant = await f.seat(licence);
      expect(first.assigneeEmail).toBe('ada@client.example');
      expect(first.assignedAt).toBeTruthy();

      const seatsBefore = await f.count('seat');
      const error = await refused(f.seat(licence, { assigneeName: 'Cleo Diaz', assigneeEmail: 'cleo@client.example' }));
      expect(fieldOf(error)).toBe('assigneeEmail');
      expect(error.message).toMatch(/all 2 seats of Matter Vault are assigned/);
      expect(await f.count('seat')).toBe(seatsBefore);
      expect(fieldOf(await refused(f.docs('seat').update({ documentId: vacant.documentId, data: { assigneeName: 'Cleo Diaz', assigneeEmail: 'cleo@client.example' } as never })))).toBe('assigneeEmail');

      // Freeing a seat makes room.
      await f.docs('seat').update({ documentId: first.documentId, data: { assigneeEmail: null } as never });
      const freed = await app.strapi.db.query('plugin::clientia.seat').findOne({ where: { id: first.id } });
      expect([freed.assigneeName, freed.assignedAt]).toEqual([null, null]);
      await f.docs('seat').update({ documentId: vacant.documentId, data: { assigneeName: 'Cleo Diaz', assigneeEmail: 'cleo@client.example' } as never });
    });

    it('never exceed the seats purchased when assignments race for the last seats', async () => {
      const client = await f.client();
      const licence = await f.licence(client, 3);
      const attempts = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => f.seat(licence, { assigneeName: `Person ${i}`, assigneeEmail: `p${i}@client.example` }))
      );
      const accepted = attempts.filter((a) => a.status === 'fulfilled').length;
      expect(accepted).toBe(3);
      for (const attempt of attempts) {
        if (attempt.status === 'rejected') expect(fieldOf(attempt.reason)).toBe('assigneeEmail');
      }
      const assigned = await app.strapi.db
        .query('plugin::clientia.seat')
        .count({ where: { licence: { id: licence.id }, assigneeEmail: { $notNull: true } } });
      expect(Number(assigned)).toBe(3);
    });

    it('refuses to cut seats purchased below the seats assigned', async () => {
      const client = await f.client();
      const licence = await f.licence(client, 2);
      await f.seat(licence, { assigneeName: 'Ada Park', assigneeEmail: 'ada@client.example' });
      await f.seat(licence, { assigneeName: 'Ben Ito', assigneeEmail: 'ben@client.example' });
      expect(fieldOf(await refused(f.docs('licence').update({ documentId: licence.documentId, data: { seatsPurchased: 1 } as never })))).toBe('seatsPurchased');
      expect(fieldOf(await refused(f.docs('licence').delete({ documentId: licence.documentId })))).toBe('seats');
      await f.docs('licence').update({ documentId: licence.documentId, data: { seatsPurchased: 5 } as never });
    });

    it("take their licence's client, whatever the caller says", async () => {
      const client = await f.client();
      const other = await f.client();
      const licence = await f.licence(client, 1);
      const seat = await f.seat(licence, { client: other.documentId });
      const stored = await app.strapi.db.query('plugin::clientia.seat').findOne({ where: { id: seat.id }, populate: ['client'] });
      expect(stored.client.documentId).toBe(client.documentId);
    });
  });
});
