import { createHash } from 'node:crypto';

import { addDays, at } from './calendar';
import type { SignedContract } from './contracts';
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
  /** The signatory's email, for the steps a signatory takes. */
  signer: string | null;
}

/** Sent two days before it was signed, signed two days before it took effect (or today). */
const stepsFor = (ctx: DemoContext, contract: SignedContract): SigningStep[] => {
  const today = ctx.calendar.day(0);
  const signedOn = addDays(contract.effectiveDate && contract.effectiveDate < today ? contract.effectiveDate : today, -2);
  const sentOn = addDays(signedOn, -2);
  const steps: SigningStep[] = [{ type: 'sent', occurredAt: at(sentOn, '15:04'), signer: null }];
  contract.signatories.forEach((email, index) => {
    const minute = String(41 + index * 15).padStart(2, '0');
    steps.push(
      { type: 'viewed', occurredAt: at(signedOn, `08:${minute}`), signer: email },
      { type: 'consented', occurredAt: at(signedOn, `08:${String(Number(minute) + 11)}`), signer: email },
      { type: 'signed', occurredAt: at(signedOn, `08:${String(Number(minute) + 12)}`), signer: email }
    );
  });
  steps.push({ type: 'completed', occurredAt: steps[steps.length - 1].occurredAt, signer: null });
  return steps;
};

const SIGNER_AGENT = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

/**
 * Every contract the seed records as signed and that names its signatories was signed in the
 * portal: its audit trail is a hash chain, each event carrying the hash of the one before,
 * ending in the hash the completed contract keeps. So what a contract page says of each signer
 * is what the trail shows. Returns how many trails were seeded.
 */
export const seedSigningTrails = async (ctx: DemoContext, contracts: SignedContract[]): Promise<number> => {
  const run = systemWriter(ctx);
  const chainEvent = chainWriter(ctx);
  if (!run || !chainEvent) {
    ctx.strapi.log.warn('[demo] this plugin build cannot write or chain signature events: no signing trail seeded.');
    return 0;
  }
  for (const signed of contracts) {
    const contract = ctx.find('contract', signed.key);
    const client = ctx.find('client', signed.client);
    const firstSigner = ctx.find('contact', signed.signatories[0]);
    const steps = stepsFor(ctx, signed);
    await run(async () => {
      const chain: ChainedEvent[] = [];
      for (const step of steps) {
        const signer = step.signer ? ctx.find('contact', step.signer) : null;
        const signerName = signer ? (demoContacts.find((contact) => contact.email === signer.email)?.name ?? String(signer.username)) : null;
        const sessionHash = signer ? sha256(`demo-session:${signer.documentId}:${step.occurredAt.slice(0, 10)}`) : null;
        const event = chainEvent(chain, {
          contract: contract.documentId,
          client: client.documentId,
          type: step.type,
          contractVersion: Number(contract.version),
          documentHash: signed.documentHash,
          user: signer ? signer.documentId : null,
          email: (signer ?? firstSigner).email,
          typedName: step.type === 'signed' ? signerName : null,
          consentText: step.type === 'consented' ? CONSENT_TEXT : null,
          consentVersion: step.type === 'consented' ? CONSENT_VERSION : null,
          occurredAt: step.occurredAt,
          ip: signer ? '203.0.113.24' : null,
          userAgent: signer ? SIGNER_AGENT : null,
          sessionHash,
          authMethod: signer ? 'password' : null,
          reason: null,
        });
        await ctx.create('signature-event', { ...event });
        chain.push(event);
      }
      const lastSigned = [...steps].reverse().find((step) => step.type === 'signed')!;
      await ctx.update('contract', contract.documentId, {
        documentHash: signed.documentHash,
        sentAt: steps[0].occurredAt,
        signedAt: lastSigned.occurredAt,
        completedHash: chain[chain.length - 1]?.hash ?? null,
      });
    });
  }
  return contracts.length;
};
