import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';

import { CONTRACT_FILE_MAX_BYTES } from '../../../../../shared/contracts/admin-contracts';
import type { AdminSigningView } from '../../../../../shared/contracts/signing';
import { PdfUpload, type PdfUploadTexts } from '../../../components/PdfUpload';
import { Section } from '../../../components/Section';
import { formatDate, formatDateTime, formatFileSize } from '../../../utils/dates';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';
import { formatUtc } from '../signing';
import { DetailGrid, type Detail } from './DetailGrid';
import { HashValue } from './HashValue';

interface ContractDocumentProps {
  contract: AdminSigningView['contract'];
  /** Given when staff may upload the draft's PDF. */
  onUpload?: (file: File) => Promise<void>;
  /** Given when staff may edit the contract's terms (a signed one: its renewal date). */
  onEdit?: () => void;
}

const CONTRACT_PDF_TEXTS: PdfUploadTexts = {
  formLabel: 'contractEditor.file.formLabel',
  choose: 'contractEditor.file.choose',
  replace: 'contractEditor.file.replace',
  hint: 'contractEditor.file.hint',
};

/** The PDF the signatories are asked to sign, the contract's terms, and the fingerprint the PDF was fixed with when sent. */
export const ContractDocument = ({ contract, onUpload, onEdit }: ContractDocumentProps) => {
  const { t, label, locale } = useTranslate();
  const none = t('common.none');
  const when = (value: string | null) => (value ? <span title={formatUtc(value) ?? undefined}>{formatDateTime(value, locale)}</span> : none);
  const day = (value: string | null) => formatDate(value, locale) ?? none;
  const { file } = contract;

  const fileDetail = file
    ? t('contractEditor.file.private', { name: file.name ?? none, size: formatFileSize(file.size, locale) ?? none })
    : t('signing.document.noFile');

  const details: Detail[] = [
    [t('signing.document.kind'), label('kind', contract.kind)],
    [t('signing.document.version'), contract.version],
    [t('signing.document.file'), fileDetail],
    [t('contractEditor.terms.effectiveDate'), day(contract.effectiveDate)],
    [t('contractEditor.terms.endDate'), contract.endDate ? day(contract.endDate) : t('client.contracts.openEnded')],
    [t('contractEditor.terms.renewalDate'), day(contract.renewalDate)],
    [t('contractEditor.terms.value'), contract.value ? formatMoney(contract.value, locale) : none],
    [t('signing.document.order'), t(contract.sequentialSigning ? 'signing.order.sequential' : 'signing.order.parallel')],
    [t('signing.document.sentAt'), when(contract.sentAt)],
    [t('signing.document.signedAt'), when(contract.signedAt)],
  ];

  return (
    <Section
      title={t('signing.document.title')}
      action={
        onEdit ? (
          <Button variant="secondary" startIcon={<Pencil />} onClick={onEdit}>
            {t(contract.state === 'draft' ? 'contractEditor.terms.edit' : 'contractEditor.terms.editRenewal')}
          </Button>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={5}>
        <DetailGrid details={details} />
        {file?.sha256 && !contract.documentHash ? (
          <Box tag="dl">
            <Typography variant="sigma" textColor="neutral600" tag="dt">
              {t('contractEditor.file.uploadedHash')}
            </Typography>
            <Typography tag="dd">
              <HashValue hash={file.sha256} full />
            </Typography>
          </Box>
        ) : null}
        {onUpload ? <PdfUpload maxBytes={CONTRACT_FILE_MAX_BYTES} replacing={Boolean(file)} texts={CONTRACT_PDF_TEXTS} onUpload={onUpload} /> : null}
        {contract.internalNotes ? (
          <Box tag="dl">
            <Typography variant="sigma" textColor="neutral600" tag="dt">
              {t('contractEditor.terms.internalNotes')}
            </Typography>
            <Typography tag="dd" style={{ whiteSpace: 'pre-line' }}>
              {contract.internalNotes}
            </Typography>
          </Box>
        ) : null}
        <Box tag="dl">
          <Typography variant="sigma" textColor="neutral600" tag="dt">
            {t('signing.document.hash')}
          </Typography>
          <Typography tag="dd">
            {contract.documentHash ? <HashValue hash={contract.documentHash} full /> : t('signing.document.hashPending')}
          </Typography>
        </Box>
      </Flex>
    </Section>
  );
};
