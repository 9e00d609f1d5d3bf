import { chainEvent, canonicalEvent, eventHash, sha256Hex, verifyChain, type ChainedEvent, type SignatureEventFields } from '../../src/signing/chain';

const pdf = sha256Hex('%PDF-1.7 the statement of work, version 2');

const base = (type: SignatureEventFields['type'], occurredAt: string, extra: Partial<SignatureEventFields> = {}): SignatureEventFields => ({
  contract: 'contract-1',
  client: 'client-1',
  type,
  contractVersion: 2,
  documentHash: pdf,
  user: null,
  email: 'anna@northwind.example',
  typedName: null,
  consentText: null,
  consentVersion: null,
  occurredAt,
  ip: null,
  userAgent: null,
  sessionHash: null,
  authMethod: null,
  reason: null,
  ...extra,
});

/** A complete one-signer trail. */
const trail = (): ChainedEvent[] => {
  const chain: ChainedEvent[] = [];
  for (const fields of [
    base('sent', '2026-11-02T15:04:00Z'),
    base('viewed', '2026-11-04T08:41:00Z', { user: 'user-7', ip: '203.0.113.24', sessionHash: sha256Hex('session'), authMethod: 'password' }),
    base('consented', '2026-11-04T08:52:00Z', { user: 'user-7', consentText: 'I agree to sign electronically.', consentVersion: '2025-01' }),
    base('signed', '2026-11-04T08:53:00Z', { user: 'user-7', typedName: 'Anna Weber', ip: '203.0.113.24' }),
    base('completed', '2026-11-04T08:53:01Z'),
  ]) {
    chain.push(chainEvent(chain, fields));
  }
  return chain;
};

const kinds = (events: ChainedEvent[], options = {}) => verifyChain(events, options).findings.map((f) => `${f.kind}@${f.index}`);

describe('the signing audit trail as a hash chain', () => {
  it('links every event to the one before and verifies clean', () => {
    const events = trail();
    expect(events[0]!.previousHash).toBeNull();
    for (let i = 1; i < events.length; i += 1) expect(events[i]!.previousHash).toBe(events[i - 1]!.hash);
    const result = verifyChain(events, { contract: 'contract-1', expectedHead: events.at(-1)!.hash, document: { version: 2, sha256: pdf } });
    expect(result).toEqual({ valid: true, events: 5, head: events.at(-1)!.hash, findings: [] });
  });

  it('hashes the same event the same way however its fields and date arrive', () => {
    const fields = base('signed', '2026-11-04T08:53:00Z', { typedName: 'Anna Weber' });
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as SignatureEventFields;
    expect(eventHash(reordered, 'abc')).toBe(eventHash(fields, 'abc'));
    expect(eventHash({ ...fields, occurredAt: '2026-11-04T09:53:00+01:00' }, 'abc')).toBe(eventHash(fields, 'abc'));
    expect(eventHash(fields, 'abc')).not.toBe(eventHash(fields, 'abd'));
    expect(canonicalEvent(fields, null)).toContain('"signature-event/v1"');
  });

  it('finds a single changed character in any recorded field', () => {
    const events = trail();
    events[3] = { ...events[3]!, typedName: 'Anna Webber' };
    expect(kinds(events)).toEqual(['altered@3']);

    const other = trail();
    other[1] = { ...other[1]!, ip: '203.0.113.25' };
    expect(kinds(other)).toEqual(['altered@1']);
  });

  it('finds an event removed from the middle, the start or the end', () => {
    const middle = trail();
    middle.splice(2, 1);
    expect(kinds(middle)).toEqual(['broken-link@2']);

    const start = trail().slice(1);
    expect(kinds(start)).toEqual(['broken-link@0']);

    const full = trail();
    const head = full.at(-1)!.hash;
    expect(kinds(full.slice(0, -1), { expectedHead: head })).toEqual(['truncated@null']);
  });

  it('finds two events swapped: every link around them breaks', () => {
    const events = trail();
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(kinds(events)).toEqual(['broken-link@1', 'broken-link@2', 'broken-link@3']);
  });

  it('finds a rewritten event even when its own hash was recomputed, through the link of the next one', () => {
    const events = trail();
    const forged = { ...events[3]!, typedName: 'Someone Else' };
    events[3] = { ...forged, hash: eventHash(forged, forged.previousHash) };
    expect(kinds(events)).toEqual(['broken-link@4']);
  });

  it('finds a stored document that is not the one the signer was shown', () => {
    const events = trail();
    const other = sha256Hex('%PDF-1.7 the statement of work, version 2, one byte changed');
    const result = verifyChain(events, { document: { version: 2, sha256: other } });
    expect(result.valid).toBe(false);
    expect(result.findings.every((finding) => finding.kind === 'document-changed')).toBe(true);
    expect(result.findings[0]!.message).toContain(other);
    expect(verifyChain(events, { document: { version: 3, sha256: other } }).valid).toBe(true);
  });

  it("finds another contract's event slipped into the trail", () => {
    const events = trail();
    const foreign = chainEvent(events.slice(0, 2), { ...base('viewed', '2026-11-04T08:45:00Z'), contract: 'contract-2' });
    expect(kinds([...events.slice(0, 2), foreign], { contract: 'contract-1' })).toEqual(['foreign-event@2']);
  });

  it('refuses an event without a valid time instead of hashing nonsense', () => {
    expect(() => chainEvent([], base('sent', 'not a date'))).toThrow(/occurredAt is not a date/);
    const events = trail();
    events[0] = { ...events[0]!, occurredAt: 'garbage' };
    expect(kinds(events)).toEqual(['altered@0']);
  });
});
