import { Flex, Typography } from '@strapi/design-system';

import { AA_NORMAL_TEXT } from '../../../../../shared/colors';
import { Notice } from '../../../components/Notice';
import { useTranslate } from '../../../utils/useTranslate';
import { brandContrast, formatRatio, type ContrastVerdict } from '../brandingForm';

interface ContrastReportProps {
  primaryColor: string;
  accentColor: string;
}

/** WCAG AA for the two ways the portal uses the brand colours; a warning for each that fails. */
export const ContrastReport = ({ primaryColor, accentColor }: ContrastReportProps) => {
  const { t, locale } = useTranslate();
  const { whiteOnPrimary, accentOnWhite } = brandContrast(primaryColor, accentColor);
  const required = formatRatio(AA_NORMAL_TEXT, locale);

  const line = (verdict: ContrastVerdict | null, pair: string) =>
    verdict ? (
      <Typography textColor={verdict.passes ? 'success600' : 'danger600'}>
        {t(verdict.passes ? 'branding.contrast.passes' : 'branding.contrast.fails', {
          pair,
          ratio: formatRatio(verdict.ratio, locale),
        })}
      </Typography>
    ) : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {line(whiteOnPrimary, t('branding.contrast.whiteOnPrimary'))}
      {line(accentOnWhite, t('branding.contrast.accentOnWhite'))}
      {whiteOnPrimary && !whiteOnPrimary.passes ? (
        <Notice variant="warning" title={t('branding.contrast.warningTitle')}>
          {t('branding.contrast.primaryWarning', { ratio: formatRatio(whiteOnPrimary.ratio, locale), required })}
        </Notice>
      ) : null}
      {accentOnWhite && !accentOnWhite.passes ? (
        <Notice variant="warning" title={t('branding.contrast.warningTitle')}>
          {t('branding.contrast.accentWarning', { ratio: formatRatio(accentOnWhite.ratio, locale), required })}
        </Notice>
      ) : null}
    </Flex>
  );
};
