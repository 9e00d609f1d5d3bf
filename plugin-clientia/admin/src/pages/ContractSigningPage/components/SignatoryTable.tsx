import { Box, Td, Tr, Typography } from '@strapi/design-system';

import type { AdminSigningView } from '../../../../../shared/contracts/signing';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDateTime } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';
import { formatUtc, signingProgress } from '../signing';

interface SignatoryTableProps {
  signatories: AdminSigningView['signatories'];
  sequential: boolean;
  declineReason: string | null;
}

/** Who was asked to sign, in order, and how far each of them has got. */
export const SignatoryTable = ({ signatories, sequential, declineReason }: SignatoryTableProps) => {
  const { t, locale } = useTranslate();
  const none = t('common.none');
  const ordered = [...signatories].sort((a, b) => a.order - b.order);
  const progress = signingProgress(signatories);

  return (
    <Section
      title={t('signing.signatories.title')}
      count={signatories.length}
      empty={signatories.length === 0 ? t('signing.signatories.empty') : null}
      action={
        signatories.length > 0 ? (
          <Typography textColor="neutral600">
            {t('signing.signatories.progress', progress)} · {t(sequential ? 'signing.order.sequential' : 'signing.order.parallel')}
          </Typography>
        ) : undefined
      }
    >
      <RecordTable
        columns={[
          t('signing.column.order'),
          t('column.name'),
          t('column.email'),
          t('column.status'),
          t('signing.column.at'),
        ]}
        rowCount={ordered.length}
      >
        {ordered.map((signatory) => (
          <Tr key={signatory.documentId}>
            <Td>
              <Typography>{signatory.order}</Typography>
            </Td>
            <Td>
              <Typography fontWeight="semiBold">{signatory.name ?? none}</Typography>
            </Td>
            <Td>
              <Typography>{signatory.email ?? none}</Typography>
            </Td>
            <Td>
              <StateBadge state={signatory.status} />
            </Td>
            <Td>
              <Typography title={formatUtc(signatory.at) ?? undefined}>{formatDateTime(signatory.at, locale) ?? none}</Typography>
            </Td>
          </Tr>
        ))}
      </RecordTable>
      {declineReason ? (
        <Box paddingTop={4}>
          <Box background="danger100" borderColor="danger200" hasRadius padding={4}>
            <Typography variant="sigma" textColor="danger700" tag="p">
              {t('signing.signatories.declineReason')}
            </Typography>
            <Typography tag="p" style={{ whiteSpace: 'pre-line' }}>
              {declineReason}
            </Typography>
          </Box>
        </Box>
      ) : null}
    </Section>
  );
};
