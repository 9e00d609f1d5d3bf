import { useState } from 'react';
import { Box, Button, Td, Tr, Typography } from '@strapi/design-system';
import { Bell } from '@strapi/icons';

import type { AdminSigningView } from '../../../../../shared/contracts/signing';
import { RecordTable } from '../../../components/RecordTable';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDateTime } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';
import { formatUtc, signingProgress } from '../signing';

type Signatory = AdminSigningView['signatories'][number];

interface SignatoryTableProps {
  signatories: AdminSigningView['signatories'];
  sequential: boolean;
  declineReason: string | null;
  /** Given while the contract is out for signature and staff may act on it: offers a reminder to each signatory whose turn it is. */
  onRemind?: (signatory: Signatory) => Promise<void>;
}

/** Whose turn it is: every pending signatory, or in order only the first pending one. */
const turnOf = (ordered: Signatory[], sequential: boolean) => {
  const pending = ordered.filter((signatory) => signatory.status === 'pending');
  return new Set((sequential ? pending.slice(0, 1) : pending).map((signatory) => signatory.documentId));
};

/** Who was asked to sign, in order, and how far each of them has got. */
export const SignatoryTable = ({ signatories, sequential, declineReason, onRemind }: SignatoryTableProps) => {
  const { t, locale } = useTranslate();
  const none = t('common.none');
  const ordered = [...signatories].sort((a, b) => a.order - b.order);
  const progress = signingProgress(signatories);
  const turn = turnOf(ordered, sequential);
  const [reminding, setReminding] = useState<string | null>(null);

  const remind = async (signatory: Signatory) => {
    if (!onRemind) return;
    setReminding(signatory.documentId);
    try {
      await onRemind(signatory);
    } finally {
      setReminding(null);
    }
  };

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
          ...(onRemind ? [t('contractEditor.remind.column')] : []),
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
            {onRemind ? (
              <Td>
                {turn.has(signatory.documentId) && signatory.email ? (
                  <Button
                    variant="tertiary"
                    size="S"
                    startIcon={<Bell />}
                    loading={reminding === signatory.documentId}
                    disabled={reminding !== null}
                    onClick={() => remind(signatory)}
                  >
                    {t('contractEditor.remind.button', { name: signatory.name ?? signatory.email })}
                  </Button>
                ) : null}
              </Td>
            ) : null}
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
