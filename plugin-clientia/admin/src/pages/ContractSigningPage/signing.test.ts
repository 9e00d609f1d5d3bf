import type { SigningCandidate } from '../../../../shared/contracts/signing';
import {
  buildSendRequest,
  compareHashes,
  formatUtc,
  initialOrder,
  moveSignatory,
  selectableCandidates,
  shortHash,
  signedFileName,
  signingProgress,
  sortFindings,
  toggleSignatory,
} from './signing';

const candidate = (documentId: string, eligible: boolean, name: string | null = documentId): SigningCandidate => ({
  documentId,
  name,
  email: `${documentId}@acme.example`,
  role: 'owner',
  eligible,
});

const candidates = [candidate('jonas', true), candidate('lea', false), candidate('mara', true)];

const HASH = '43cc23fa52b87b4cc1d02b5b114154151d6adddb17c9fddc06b027fa99e24008';

describe('choosing signatories', () => {
  it('offers only the contacts who may be asked to sign', () => {
    expect(selectableCandidates(candidates).map((c) => c.documentId)).toEqual(['jonas', 'mara']);
  });

  it('starts from the eligible signatories already on the draft, in their order', () => {
    const signatory = (documentId: string, order: number) => ({
      documentId,
      order,
      name: documentId,
      email: null,
      status: 'pending' as const,
      at: null,
      isCaller: false,
    });
    const order = initialOrder({
      candidates,
      signatories: [signatory('mara', 2), signatory('lea', 1), signatory('jonas', 3), signatory('mara', 4)],
    });
    expect(order).toEqual(['mara', 'jonas']);
  });

  it('puts a newly chosen signatory last and closes the gap when one is removed', () => {
    expect(toggleSignatory(['jonas'], 'mara', true)).toEqual(['jonas', 'mara']);
    expect(toggleSignatory(['jonas', 'mara'], 'jonas', false)).toEqual(['mara']);
    expect(toggleSignatory(['jonas', 'mara'], 'jonas', true)).toEqual(['mara', 'jonas']);
    expect(toggleSignatory([], 'mara', false)).toEqual([]);
  });

  it('moves a signatory up or down by one place and not past either end', () => {
    const order = ['a', 'b', 'c'];
    expect(moveSignatory(order, 2, 'up')).toEqual(['a', 'c', 'b']);
    expect(moveSignatory(order, 0, 'down')).toEqual(['b', 'a', 'c']);
    expect(moveSignatory(order, 0, 'up')).toBe(order);
    expect(moveSignatory(order, 2, 'down')).toBe(order);
    expect(moveSignatory(order, 5, 'up')).toBe(order);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('the send request', () => {
  it('carries the membership documentIds in the chosen order and the order switch', () => {
    expect(buildSendRequest(['mara', 'jonas'], true, candidates)).toEqual({
      ok: true,
      request: { signatories: ['mara', 'jonas'], sequential: true },
    });
    expect(buildSendRequest(['jonas'], false, candidates)).toEqual({
      ok: true,
      request: { signatories: ['jonas'], sequential: false },
    });
  });

  it('leaves out anyone who cannot sign and refuses an empty choice', () => {
    expect(buildSendRequest(['lea', 'mara', 'gone'], false, candidates)).toEqual({
      ok: true,
      request: { signatories: ['mara'], sequential: false },
    });
    expect(buildSendRequest(['lea'], true, candidates)).toEqual({ ok: false, problem: 'noSignatories' });
    expect(buildSendRequest([], true, candidates)).toEqual({ ok: false, problem: 'noSignatories' });
  });
});

describe('showing hashes and times', () => {
  it('shortens a SHA-256 to its first twelve characters', () => {
    expect(shortHash(HASH)).toBe('43cc23fa52b8…');
    expect(shortHash(HASH, 8)).toBe('43cc23fa…');
    expect(shortHash('abc')).toBe('abc');
    expect(shortHash(null)).toBeNull();
    expect(shortHash('')).toBeNull();
  });

  it('writes audit times in UTC to the second, whatever the offset they came with', () => {
    expect(formatUtc('2026-11-11T08:30:05.123Z')).toBe('2026-11-11 08:30:05 UTC');
    expect(formatUtc('2026-11-11T09:30:05+01:00')).toBe('2026-11-11 08:30:05 UTC');
    expect(formatUtc(null)).toBeNull();
    expect(formatUtc('not a date')).toBe('not a date');
  });

  it('compares a recorded hash with the recomputed one', () => {
    expect(compareHashes(HASH, HASH.toUpperCase())).toBe('match');
    expect(compareHashes(HASH, HASH.replace(/^4/, '5'))).toBe('mismatch');
    expect(compareHashes(HASH, null)).toBe('missing');
    expect(compareHashes(null, HASH)).toBe('missing');
  });

  it('lists findings about the whole trail before those about single events', () => {
    const findings = sortFindings([
      { kind: 'altered', index: 3, message: 'c' },
      { kind: 'file-changed', index: null, message: 'a' },
      { kind: 'broken-link', index: 1, message: 'b' },
    ]);
    expect(findings.map((finding) => finding.message)).toEqual(['a', 'b', 'c']);
  });
});

describe('summaries', () => {
  it('counts the signatures given', () => {
    const signatory = (status: 'pending' | 'signed' | 'declined') => ({
      documentId: status,
      order: 1,
      name: null,
      email: null,
      status,
      at: null,
      isCaller: false,
    });
    expect(signingProgress([signatory('signed'), signatory('pending'), signatory('declined')])).toEqual({ signed: 1, total: 3 });
    expect(signingProgress([])).toEqual({ signed: 0, total: 0 });
  });

  it('names the signed PDF after the contract number, safe for any file system', () => {
    expect(signedFileName({ number: 'C-12', documentId: 'abc' })).toBe('C-12-signed.pdf');
    expect(signedFileName({ number: 'MSA 2026/07', documentId: 'abc' })).toBe('MSA-2026-07-signed.pdf');
    expect(signedFileName({ number: null, documentId: 'k3j2h1' })).toBe('k3j2h1-signed.pdf');
    expect(signedFileName({ number: '///', documentId: 'abc' })).toBe('contract-signed.pdf');
  });
});
