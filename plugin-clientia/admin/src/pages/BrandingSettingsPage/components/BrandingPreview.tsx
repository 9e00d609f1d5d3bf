import { Box, Flex, Typography } from '@strapi/design-system';

import { NEUTRAL_BRANDING } from '../../../../../shared/contracts/branding';
import { PortalButton, PortalFrame } from '../../../components/PortalFrame';
import { mediaUrl } from '../../../utils/mediaUrl';
import { useTranslate } from '../../../utils/useTranslate';
import { isHexColour, type BrandingDraft } from '../brandingForm';

/** The portal in the colours being typed, before anything is saved. */
export const BrandingPreview = ({ draft }: { draft: BrandingDraft }) => {
  const { t } = useTranslate();
  const look = {
    firmName: draft.firmName.trim() || t('branding.preview.firmPlaceholder'),
    logoUrl: mediaUrl(draft.logo?.url),
    // Until a colour is valid, the preview keeps the neutral one rather than drawing nothing.
    primaryColor: isHexColour(draft.primaryColor) ? draft.primaryColor : NEUTRAL_BRANDING.primaryColor,
    accentColor: isHexColour(draft.accentColor) ? draft.accentColor : NEUTRAL_BRANDING.accentColor,
    supportEmail: draft.supportEmail.trim() || null,
    footerText: draft.footerText.trim() || null,
    legalText: draft.legalText.trim() || null,
  };
  return (
    <PortalFrame look={look} label={t('branding.preview.label')}>
      <Flex direction="column" alignItems="flex-start" gap={3}>
        <Typography variant="delta" tag="p">
          {t('branding.preview.welcome')}
        </Typography>
        <Typography textColor="neutral700">{t('branding.preview.invoiceDue')}</Typography>
        <PortalButton look={look}>{t('branding.preview.button')}</PortalButton>
        <Box>
          <Typography style={{ color: look.accentColor, textDecoration: 'underline' }}>{t('branding.preview.link')}</Typography>
        </Box>
      </Flex>
    </PortalFrame>
  );
};
