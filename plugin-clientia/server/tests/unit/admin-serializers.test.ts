import { serializeOverdueInvoice } from '../../src/serializers/invoice';
import { serializeLicence } from '../../src/serializers/licence';
import { isUnreadByStaff } from '../../src/serializers/thread';
import { sumByCurrency } from '../../src/repositories/totals';

describe('admin serializers', () => {
  it('reads money stored as big-integer text (PostgreSQL) or numbers (SQLite) as exact minor units', () => {
    const row = { documentId: 'inv', number: 'INV-2026-0001', dueDate: '2026-11-01', balance: '9007199254740', currency: 'EUR', client: { documentId: 'c', name: 'Acme' } };
    expect(serializeOverdueInvoice(row, '2026-11-28')).toEqual({
      documentId: 'inv',
      number: 'INV-2026-0001',
      client: { documentId: 'c', name: 'Acme' },
      dueDate: '2026-11-01',
      balance: { amount: 9007199254740, currency: 'EUR' },
      daysOverdue: 27,
    });
    expect(
      sumByCurrency(
        [
          { balance: '10', currency: 'USD' },
          { balance: 5, currency: 'EUR' },
          { balance: '20', currency: 'USD' },
        ],
        'balance'
      )
    ).toEqual([
      { amount: 5, currency: 'EUR' },
      { amount: 30, currency: 'USD' },
    ]);
  });

  it('counts a seat as assigned only when it names an email', () => {
    const licence = serializeLicence({
      documentId: 'lic',
      product: 'Vault',
      plan: null,
      seatsPurchased: 3,
      renewalDate: null,
      seats: [
        { documentId: 's1', assigneeName: 'Ada', assigneeEmail: 'ada@x.example' },
        { documentId: 's2', assigneeName: null, assigneeEmail: '' },
        { documentId: 's3', assigneeName: null, assigneeEmail: null },
      ],
    });
    expect([licence.assigned, licence.purchased, licence.seats.length]).toEqual([1, 3, 3]);
  });

  it('marks a thread unread by staff when a message came after staff last read it', () => {
    expect(isUnreadByStaff({ lastMessageAt: null, staffReadAt: null })).toBe(false);
    expect(isUnreadByStaff({ lastMessageAt: '2026-11-20T10:00:00.000Z', staffReadAt: null })).toBe(true);
    expect(isUnreadByStaff({ lastMessageAt: '2026-11-20T10:00:00.000Z', staffReadAt: '2026-11-20T09:00:00.000Z' })).toBe(true);
    expect(isUnreadByStaff({ lastMessageAt: 1795900000000, staffReadAt: new Date(1795900000001) })).toBe(false);
  });
});
