import { useState } from 'react';
import { Alert, Box, Button, Flex } from '@strapi/design-system';
import { SealCheck } from '@strapi/icons';

import type { AdminSignatureEvent, ContractVerification } from '../../../../../shared/contracts/signing';
import { failureMessage } from '../../../api/failure';
import { Section } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { TrailTable } from './TrailTable';
import { VerificationResult } from './VerificationResult';

interface AuditTrailProps {
  events: AdminSignatureEvent[];
  verification: ContractVerification | null;
  onVerify: () => Promise<void>;
}

/** The hash-chained events of the signing, and a check that recomputes them on the server. */
export const AuditTrail = ({ events, verification, onVerify }: AuditTrailProps) => {
  const { t } = useTranslate();
  const [verifying, setVerifying] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const verify = async () => {
    setVerifying(true);
    setFailure(null);
    try {
      await onVerify();
    } catch (error) {
      setFailure(failureMessage(error) ?? t('signing.verify.failed'));
    } finally {
      setVerifying(false);
    }
  };

  const flagged = new Set(
    (verification?.findings ?? []).flatMap((finding) => (finding.index === null ? [] : [finding.index]))
  );

  return (
    <Section
      title={t('signing.trail.title')}
      count={events.length}
      action={
        <Button variant="secondary" startIcon={<SealCheck />} loading={verifying} onClick={verify}>
          {t('signing.verify.button')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {failure ? (
          <Alert variant="danger" closeLabel={t('common.close')} onClose={() => setFailure(null)} title={t('signing.verify.failedTitle')}>
            {failure}
          </Alert>
        ) : null}
        {verification ? <VerificationResult verification={verification} /> : null}
        <Box>
          <TrailTable events={events} flagged={flagged} />
        </Box>
      </Flex>
    </Section>
  );
};
