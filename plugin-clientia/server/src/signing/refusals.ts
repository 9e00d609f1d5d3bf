import type { SigningRefusal } from '../../../shared/contracts/signing';
import { refusal } from '../domain/errors';
import { text } from '../repositories/rows';
import { currentTurn, SIGNABLE_STATES, type Signatory, type SigningState } from './state';

export const REFUSAL_MESSAGES: Record<SigningRefusal, string> = {
  not_signatory: 'You are not a signatory of this contract',
  not_signable: 'This contract is not waiting for signatures',
  already_signed: 'You have signed this contract already',
  not_your_turn: 'This contract is signed in order, and it is not your turn yet',
  document_changed: 'The document changed since you were shown it; review it again before signing',
  consent_outdated: 'The consent text changed since you were shown it; read it again before signing',
};

/** A sign or decline request the contract's state does not allow: a 409 whose `details.refusal` names the reason, so a portal can explain it in the signer's language. */
export const refuse = (reason: SigningRefusal) => refusal(409, REFUSAL_MESSAGES[reason], { refusal: reason });

/** The caller among the signatories, by their membership of the contract's client. */
export const signatoryOf = (state: SigningState, membershipId: number): Signatory | null =>
  state.signatories.find((signatory) => signatory.membershipId === membershipId) ?? null;

/** Why this contact cannot sign now, or null when they can. */
export const refusalFor = (state: SigningState, membershipId: number, action: 'sign' | 'decline' = 'sign'): SigningRefusal | null => {
  const me = signatoryOf(state, membershipId);
  if (!SIGNABLE_STATES.includes(text(state.contract.state))) return me?.status === 'signed' ? 'already_signed' : 'not_signable';
  // Marked as sent by hand, without the send action: there is no document hash to sign against.
  if (!state.contract.documentHash) return 'not_signable';
  if (!me) return 'not_signatory';
  if (me.status === 'signed') return 'already_signed';
  if (me.status === 'declined') return 'not_signable';
  // Declining needs no turn: a later signatory may say no before the earlier ones have signed.
  if (action === 'sign' && !currentTurn(state).includes(me)) return 'not_your_turn';
  return null;
};
