import { Box, Flex, Typography } from '@strapi/design-system';

import { AA_NORMAL_TEXT } from '../../../../../shared/colors';
import { Notice } from '../../../components/Notice';
import { useTranslate } from '../../../utils/useTranslate';
import { brandContrast, formatRatio, portalColours, type ContrastVerdict } from '../brandingForm';

interface ContrastReportProps {
  primaryColor: string;
  accentColor: string;
}

/** The colour the portal uses in place of a failing one: a swatch, and its code for anyone who cannot see it. */
const AdjustedColour = ({ colour, label }: { colour: string; label: string }) => (
  <Flex gap={2} alignItems="center" paddingTop={1}>
    <Box
      aria-hidden
      shrink={0}
      hasRadius
      style={{ width: 24, height: 24, background: colour, border: '1px solid rgba(0, 0, 0, 0.2)' }}
      data-swatch={colour}
    />
    <Typography>{label}</Typography>
  </Flex>
);

/**
 * WCAG AA for the two ways the portal uses the brand colours; a warning for each that fails,
 * with the readable colour the portal will draw instead.
 */
export const ContrastReport = ({ primaryColor, accentColor }: ContrastReportProps) => {
  const { t, locale } = useTranslate();
  const { whiteOnPrimary, accentOnWhite } = brandContrast(primaryColor, accentColor);
  const adjusted = portalColours(primaryColor, accentColor);
  const required = formatRatio(AA_NORMAL_TEXT, locale);
  const usedInstead = (colour: string) => <AdjustedColour colour={colour} label={t('branding.contrast.adjusted', { colour })} />;

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
        <Notice variant="warning" title={t('branding.contrast.warningTitle')} extra={usedInstead(adjusted.primary)}>
          {t('branding.contrast.primaryWarning', { ratio: formatRatio(whiteOnPrimary.ratio, locale), required })}
        </Notice>
      ) : null}
      {accentOnWhite && !accentOnWhite.passes ? (
        <Notice variant="warning" title={t('branding.contrast.warningTitle')} extra={usedInstead(adjusted.accent)}>
          {t('branding.contrast.accentWarning', { ratio: formatRatio(accentOnWhite.ratio, locale), required })}
        </Notice>
      ) : null}
    </Flex>
  );
};
