import { useTranslate } from '../utils/useTranslate';
import { ToneBadge, type Tone } from './ToneBadge';

const TONES: Record<string, Tone> = {
  active: 'success',
  signed: 'success',
  paid: 'success',
  done: 'success',
  open: 'primary',
  issued: 'primary',
  in_progress: 'primary',
  sent: 'secondary',
  partially_signed: 'secondary',
  partially_paid: 'warning',
  prospect: 'alternative',
  planned: 'alternative',
  pending: 'neutral',
  paused: 'warning',
  on_hold: 'warning',
  overdue: 'danger',
  declined: 'danger',
  terminated: 'danger',
  expired: 'neutral',
  cancelled: 'neutral',
  archived: 'neutral',
  closed: 'neutral',
  ended: 'neutral',
  void: 'neutral',
  draft: 'neutral',
};

const stateTone = (state: string): Tone => TONES[state] ?? 'neutral';

/** Any record's lifecycle state (client, contract, invoice, thread...) with a colour that says how it is doing. */
export const StateBadge = ({ state }: { state: string }) => {
  const { label } = useTranslate();
  return <ToneBadge tone={stateTone(state)}>{label('state', state)}</ToneBadge>;
};
