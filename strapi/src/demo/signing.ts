import { createHash } from 'node:crypto';

import { at, type IsoDate } from './calendar';
import type { DemoContext } from './context';
import { demoContacts } from './firm';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type SystemRun = <T>(fn: () => Promise<T>) => Promise<T>;

/** The plugin's way to write as the server itself; absent from builds that predate it. */
const systemWriter = (ctx: DemoContext): SystemRun | null => {
  const service = ctx.strapi.plugin('clientia').service('system') as { run?: SystemRun } | undefined;
  return typeof service?.run === 'function' ? service.run : null;
};

/** A signature event as the plugin chains it (its own type lives in the plugin). */
interface ChainedEvent {
  hash: string;
  [field: string]: unknown;
}
type ChainEvent = (chain: readonly ChainedEvent[], fields: Record<string, unknown>) => ChainedEvent;

/** The plugin's hash chain, so the demo trail verifies with the same code as a real one. */
const chainWriter = (ctx: DemoContext): ChainEvent | null => {
  const service = ctx.strapi.plugin('clientia').service('signing') as { chainEvent?: ChainEvent } | undefined;
  return typeof service?.chainEvent === 'function' ? service.chainEvent : null;
};

const CONSENT_VERSION = '2025-01';
const CONSENT_TEXT =
  'I agree to sign this agreement electronically. My typed name and this confirmation are my signature, ' +
  'as binding as a handwritten one.';

interface SigningStep {
  type: 'sent' | 'viewed' | 'consented' | 'signed' | 'completed';
  occurredAt: string;
  bySigner: boolean;
}

/**
 * The Northwind MSA was signed in the portal: its audit trail is a hash chain, each event carrying
 * the hash of the one before, ending in the hash the completed contract keeps.
 */
export const seedSigningTrail = async (ctx: DemoContext, contractHashes: Map<string, string>): Promise<boolean> => {
  const run = systemWriter(ctx);
  const chainEvent = chainWriter(ctx);
  if (!run || !chainEvent) {
    ctx.strapi.log.warn('[demo] this plugin build cannot write or chain signature events: no signing trail seeded.');
    return false;
  }
  const contract = ctx.find('contract', 'northwind-msa');
  const signer = ctx.find('contact', 'anna@northwind.example');
  const signerName = demoContacts.find((contact) => contact.email === signer.email)?.name ?? String(signer.username);
  const client = ctx.find('client', 'northwind-logistics');
  const effective = contract.effectiveDate as IsoDate;
  const sentOn = ctx.calendar.day(-247);
  const signedOn = ctx.calendar.day(-245);
  // The SHA-256 of the agreement's PDF as seeded: the verification hashes the stored file again.
  const documentHash = contractHashes.get('northwind-msa') ?? sha256(`${contract.title} · ${contract.number} · v${contract.version} · effective ${effective}`);
  const sessionHash = sha256(`demo-session:${signer.documentId}:${signedOn}`);

  const steps: SigningStep[] = [
    { type: 'sent', occurredAt: at(sentOn, '15:04'), bySigner: false },
    { type: 'viewed', occurredAt: at(signedOn, '08:41'), bySigner: true },
    { type: 'consented', occurredAt: at(signedOn, '08:52'), bySigner: true },
    { type: 'signed', occurredAt: at(signedOn, '08:53'), bySigner: true },
    { type: 'completed', occurredAt: at(signedOn, '08:53'), bySigner: false },
  ];

  await run(async () => {
    const chain: ChainedEvent[] = [];
    for (const step of steps) {
      const event = chainEvent(chain, {
        contract: contract.documentId,
        client: client.documentId,
        type: step.type,
        contractVersion: Number(contract.version),
        documentHash,
        user: step.bySigner ? signer.documentId : null,
        email: signer.email,
        typedName: step.type === 'signed' ? signerName : null,
        consentText: step.type === 'consented' ? CONSENT_TEXT : null,
        consentVersion: step.type === 'consented' ? CONSENT_VERSION : null,
        occurredAt: step.occurredAt,
        ip: step.bySigner ? '203.0.113.24' : null,
        userAgent: step.bySigner
          ? 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
          : null,
        sessionHash: step.bySigner ? sessionHash : null,
        authMethod: step.bySigner ? 'password' : null,
        reason: null,
      });
      await ctx.create('signature-event', { ...event });
      chain.push(event);
    }
    const previousHash = chain[chain.length - 1]?.hash ?? null;
    await ctx.update('contract', contract.documentId, {
      documentHash,
      sentAt: steps[0].occurredAt,
      signedAt: steps[3].occurredAt,
      completedHash: previousHash,
    });
  });
  return true;
};
