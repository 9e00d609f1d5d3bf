/**
 * The signing audit trail as a hash chain: each event's hash covers its own fields and the hash of
 * the event before it, so a changed byte, a removed or inserted event, or a reordering shows up
 * when the chain is recomputed. Pure functions: the same code writes the chain and checks it.
 */
import { createHash } from 'node:crypto';

export type SignatureEventType = 'sent' | 'email_delivered' | 'viewed' | 'consented' | 'signed' | 'declined' | 'completed' | 'cancelled';

/** What an event records, in the order it is hashed. Adding a field means a new format version. */
export interface SignatureEventFields {
  contract: string;
  client: string;
  type: SignatureEventType;
  contractVersion: number;
  documentHash: string | null;
  user: string | null;
  email: string | null;
  typedName: string | null;
  consentText: string | null;
  consentVersion: string | null;
  occurredAt: string;
  ip: string | null;
  userAgent: string | null;
  sessionHash: string | null;
  authMethod: string | null;
  reason: string | null;
}

export interface ChainedEvent extends SignatureEventFields {
  previousHash: string | null;
  hash: string;
}

/** Separates these hashes from any other SHA-256 of similar text, and names the format. */
const FORMAT = 'signature-event/v1';

const FIELD_ORDER: readonly (keyof SignatureEventFields)[] = [
  'contract',
  'client',
  'type',
  'contractVersion',
  'documentHash',
  'user',
  'email',
  'typedName',
  'consentText',
  'consentVersion',
  'occurredAt',
  'ip',
  'userAgent',
  'sessionHash',
  'authMethod',
  'reason',
];

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A timestamp as the chain keeps it: ISO 8601 in UTC with milliseconds, whatever form it came in. */
const isoInstant = (value: string | Date) => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`occurredAt is not a date: ${String(value)}`);
  return date.toISOString();
};

/**
 * The exact text that is hashed: the format, then every field in a fixed order (absent ones as
 * null), then the previous hash. Independent of key order and of how the database returns dates.
 */
export const canonicalEvent = (fields: SignatureEventFields, previousHash: string | null): string =>
  JSON.stringify([
    FORMAT,
    ...FIELD_ORDER.map((name) => {
      const value = fields[name];
      if (name === 'occurredAt') return isoInstant(value as string);
      return value === undefined ? null : value;
    }),
    previousHash,
  ]);

export const eventHash = (fields: SignatureEventFields, previousHash: string | null) => sha256Hex(canonicalEvent(fields, previousHash));

/** The next event of a chain: linked to the last one (or to nothing when it is the first). */
export const chainEvent = (chain: readonly ChainedEvent[], fields: SignatureEventFields): ChainedEvent => {
  const previousHash = chain.length > 0 ? chain[chain.length - 1]!.hash : null;
  const normalised = { ...fields, occurredAt: isoInstant(fields.occurredAt) };
  return { ...normalised, previousHash, hash: eventHash(normalised, previousHash) };
};

type ChainFindingKind = 'altered' | 'broken-link' | 'truncated' | 'document-changed' | 'foreign-event';

interface ChainFinding {
  kind: ChainFindingKind;
  /** Position in the trail (0-based), or null for the trail as a whole. */
  index: number | null;
  message: string;
}

interface ChainVerification {
  valid: boolean;
  events: number;
  /** The hash of the last event: what a signed contract keeps to detect a cut-off tail. */
  head: string | null;
  findings: ChainFinding[];
}

interface VerifyOptions {
  /** The contract every event must belong to. */
  contract?: string;
  /** The head hash stored when the trail was completed; a shorter trail no longer ends there. */
  expectedHead?: string | null;
  /** SHA-256 of the stored document, with the contract version it is; events of that version must name it. */
  document?: { version: number; sha256: string };
  /** SHA-256 of the completed PDF as stored: the `completed` event, which names the file it produced, must name it. */
  completedDocument?: string;
}

const label = (event: ChainedEvent, index: number) => `event ${index + 1} (${event.type} at ${event.occurredAt})`;

/**
 * Recomputes the chain in the given order (oldest first) and says exactly what does not match.
 * A valid trail has no findings.
 */
export const verifyChain = (events: readonly ChainedEvent[], options: VerifyOptions = {}): ChainVerification => {
  const findings: ChainFinding[] = [];
  events.forEach((event, index) => {
    const expectedPrevious = index === 0 ? null : events[index - 1]!.hash;
    if (options.contract && event.contract !== options.contract) {
      findings.push({ kind: 'foreign-event', index, message: `${label(event, index)} belongs to another contract` });
    }
    if (event.previousHash !== expectedPrevious) {
      findings.push({
        kind: 'broken-link',
        index,
        message:
          index === 0
            ? `${label(event, index)} points to an earlier event that is missing: the start of the trail was removed`
            : `${label(event, index)} does not follow the event before it: an event was removed, inserted or moved`,
      });
    }
    let recomputed: string | null;
    try {
      recomputed = eventHash(event, event.previousHash);
    } catch {
      recomputed = null;
    }
    if (recomputed !== event.hash) {
      findings.push({ kind: 'altered', index, message: `${label(event, index)} does not match its hash: it was changed after it was written` });
    }
    if (event.type === 'completed') {
      if (options.completedDocument && event.documentHash !== options.completedDocument) {
        findings.push({
          kind: 'document-changed',
          index,
          message: `${label(event, index)} produced a completed document whose SHA-256 is ${event.documentHash ?? 'not recorded'}, but the stored completed document's is ${options.completedDocument}`,
        });
      }
    } else if (options.document && event.contractVersion === options.document.version && event.documentHash && event.documentHash !== options.document.sha256) {
      findings.push({
        kind: 'document-changed',
        index,
        message: `${label(event, index)} was made on a document whose SHA-256 is ${event.documentHash}, but the stored document's is ${options.document.sha256}`,
      });
    }
  });
  const head = events.length > 0 ? events[events.length - 1]!.hash : null;
  if (options.expectedHead && head !== options.expectedHead) {
    findings.push({
      kind: 'truncated',
      index: null,
      message: `the trail ends at ${head ?? 'no event'}, not at the ${options.expectedHead} recorded when it was completed: events were removed from its end`,
    });
  }
  return { valid: findings.length === 0, events: events.length, head, findings };
};
