import {
  MAX_SIGNATORIES,
  sendContractRequest,
  type AdminSigningView,
  type ContractVerification,
  type SendContractRequest,
  type SigningCandidate,
} from '../../../../shared/contracts/signing';

/** The signatories chosen so far, as membership documentIds in signing order. */
type SignatoryOrder = string[];

export type MoveDirection = 'up' | 'down';

/**
 * Only a contact marked as a signatory who may also see contracts can be asked to sign; the
 * server refuses anyone else, so the form does not offer them.
 */
export const selectableCandidates = (candidates: SigningCandidate[]) => candidates.filter((candidate) => candidate.eligible);

/**
 * What the form starts with: the signatories already on the draft (set in the Content Manager)
 * that can still sign, in their order, so staff only confirm what they prepared.
 */
export const initialOrder = (view: Pick<AdminSigningView, 'candidates' | 'signatories'>): SignatoryOrder => {
  const eligible = new Set(selectableCandidates(view.candidates).map((candidate) => candidate.documentId));
  return [...view.signatories]
    .sort((a, b) => a.order - b.order)
    .map((signatory) => signatory.documentId)
    .filter((documentId, index, all) => eligible.has(documentId) && all.indexOf(documentId) === index);
};

/** A newly chosen signatory signs last; removing one closes the gap. */
export const toggleSignatory = (order: SignatoryOrder, documentId: string, chosen: boolean): SignatoryOrder => {
  const without = order.filter((id) => id !== documentId);
  return chosen ? [...without, documentId] : without;
};

export const moveSignatory = (order: SignatoryOrder, index: number, direction: MoveDirection): SignatoryOrder => {
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || index >= order.length || target < 0 || target >= order.length) return order;
  const moved = [...order];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
};

type SendProblem = 'noSignatories' | 'tooManySignatories';

type SendCheck = { ok: true; request: SendContractRequest } | { ok: false; problem: SendProblem };

export { MAX_SIGNATORIES };

/**
 * The send request in the chosen order, checked with the rules the server applies to it
 * (`sendContractRequest`). A documentId that is no longer eligible (the list was reloaded
 * meanwhile) is left out rather than sent to be refused.
 */
export const buildSendRequest = (order: SignatoryOrder, sequential: boolean, candidates: SigningCandidate[]): SendCheck => {
  const eligible = new Set(selectableCandidates(candidates).map((candidate) => candidate.documentId));
  const request: SendContractRequest = { signatories: order.filter((documentId) => eligible.has(documentId)), sequential };
  if (sendContractRequest.safeParse(request).success) return { ok: true, request };
  return { ok: false, problem: request.signatories.length > MAX_SIGNATORIES ? 'tooManySignatories' : 'noSignatories' };
};

/** Enough of a SHA-256 to tell events apart at a glance; the full value goes in the tooltip. */
export const shortHash = (hash: string | null | undefined, length = 12): string | null => {
  if (!hash) return null;
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
};

/**
 * Audit times in UTC to the second, the way the server records them, so two people reading the
 * trail in different time zones quote the same time.
 */
export const formatUtc = (value: string | null | undefined): string | null => {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
};

export type HashComparison = 'match' | 'mismatch' | 'missing';

/** A recorded hash against the one recomputed from the stored bytes. */
export const compareHashes = (recorded: string | null, actual: string | null): HashComparison => {
  if (!recorded || !actual) return 'missing';
  return recorded.toLowerCase() === actual.toLowerCase() ? 'match' : 'mismatch';
};

/** Findings without an event position come first: they concern the trail or a file as a whole. */
export const sortFindings = (findings: ContractVerification['findings']) =>
  [...findings].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));

/** How many signatories have signed, for a one-line summary. */
export const signingProgress = (signatories: AdminSigningView['signatories']) => ({
  signed: signatories.filter((signatory) => signatory.status === 'signed').length,
  total: signatories.length,
});

/** The file name the completed PDF is saved under. */
export const signedFileName = (contract: Pick<AdminSigningView['contract'], 'number' | 'documentId'>) => {
  const base = (contract.number ?? contract.documentId).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${base || 'contract'}-signed.pdf`;
};
