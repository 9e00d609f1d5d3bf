import { Box, Typography } from '@strapi/design-system';

import type { AdminSigningView } from '../../../../../shared/contracts/signing';
import { Section } from '../../../components/Section';
import { formatDateTime } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';
import { formatUtc } from '../signing';
import { DetailGrid, type Detail } from './DetailGrid';
import { HashValue } from './HashValue';

/** The PDF the signatories are asked to sign and the fingerprint it was fixed with when sent. */
export const ContractDocument = ({ contract }: { contract: AdminSigningView['contract'] }) => {
  const { t, label, locale } = useTranslate();
  const none = t('common.none');
  const when = (value: string | null) => (value ? <span title={formatUtc(value) ?? undefined}>{formatDateTime(value, locale)}</span> : none);

  const details: Detail[] = [
    [t('signing.document.kind'), label('kind', contract.kind)],
    [t('signing.document.version'), contract.version],
    [t('signing.document.file'), t(contract.hasFile ? 'signing.document.fileAttached' : 'signing.document.noFile')],
    [t('signing.document.order'), t(contract.sequentialSigning ? 'signing.order.sequential' : 'signing.order.parallel')],
    [t('signing.document.sentAt'), when(contract.sentAt)],
    [t('signing.document.signedAt'), when(contract.signedAt)],
  ];

  return (
    <Section title={t('signing.document.title')}>
      <DetailGrid details={details} />
      <Box paddingTop={5} tag="dl">
        <Typography variant="sigma" textColor="neutral600" tag="dt">
          {t('signing.document.hash')}
        </Typography>
        <Typography tag="dd">
          {contract.documentHash ? <HashValue hash={contract.documentHash} full /> : t('signing.document.hashPending')}
        </Typography>
      </Box>
    </Section>
  );
};
