/** What the contract list and the contract page share: status colours and the "your signature" test. */
import type { PortalContract, PortalContractStatus } from '@clientia/shared/contracts/portal-contracts';
import type { Tone } from '../../components/StatusBadge.astro';

export const STATUS_TONE: Record<PortalContractStatus, Tone> = {
  sent: 'info',
  partially_signed: 'warning',
  signed: 'success',
  active: 'success',
  expired: 'neutral',
  terminated: 'neutral',
  declined: 'danger',
};

/** Only contracts still out for signature can wait for the contact's signature. */
const SIGNABLE: readonly PortalContractStatus[] = ['sent', 'partially_signed'];

export const awaitsSignatureOf = (contract: Pick<PortalContract, 'isSignatory' | 'hasSigned' | 'status'>) =>
  contract.isSignatory && !contract.hasSigned && SIGNABLE.includes(contract.status);
