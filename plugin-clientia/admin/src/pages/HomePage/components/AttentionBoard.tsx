import { Flex } from '@strapi/design-system';

import type { AttentionOverview } from '../../../../../shared/contracts/admin';
import { EmptyNote } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { needsAttention } from '../attention';
import { AttentionCounts } from './AttentionCounts';
import { ContractsAwaitingSignature } from './ContractsAwaitingSignature';
import { OpenThreads } from './OpenThreads';
import { OverdueInvoices } from './OverdueInvoices';
import { RetainersAboutToBill } from './RetainersAboutToBill';
import { SeatUtilisation } from './SeatUtilisation';
import { UpcomingRenewals } from './UpcomingRenewals';

interface AttentionBoardProps {
  overview: AttentionOverview;
  /** The day "in 3 days" is counted from. */
  today?: Date;
}

/** Everything on the firm's plate, most urgent first: money owed, then signatures, then the rest. */
export const AttentionBoard = ({ overview, today = new Date() }: AttentionBoardProps) => {
  const { t } = useTranslate();
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <AttentionCounts overview={overview} />
      {needsAttention(overview) === 0 ? <EmptyNote>{t('home.allClear')}</EmptyNote> : null}
      <OverdueInvoices overdueInvoices={overview.overdueInvoices} overdueTotals={overview.overdueTotals} />
      <ContractsAwaitingSignature contracts={overview.contractsAwaitingSignature} />
      <OpenThreads threads={overview.openThreads} />
      <RetainersAboutToBill retainers={overview.retainersAboutToBill} today={today} />
      <SeatUtilisation licences={overview.seatUtilisation} />
      <UpcomingRenewals renewals={overview.renewals} today={today} />
    </Flex>
  );
};
