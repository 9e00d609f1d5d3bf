import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

export interface PortalLook {
  firmName: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  supportEmail: string | null;
  footerText: string | null;
  legalText: string | null;
}

const WHITE = '#ffffff';

/** The portal's chrome in the firm's colours: header, page, footer, as a client sees it. */
export const PortalFrame = ({ look, children, label }: { look: PortalLook; children: ReactNode; label: string }) => (
  <Box tag="figure" aria-label={label} borderColor="neutral200" hasRadius overflow="hidden" background="neutral0" margin={0}>
    <Flex tag="header" gap={3} padding={4} style={{ background: look.primaryColor, color: WHITE }}>
      {look.logoUrl ? <img src={look.logoUrl} alt="" style={{ maxHeight: 32, maxWidth: 120, objectFit: 'contain' }} /> : null}
      <Typography variant="delta" tag="span" style={{ color: WHITE }}>
        {look.firmName}
      </Typography>
    </Flex>
    <Box padding={5} style={{ background: WHITE }}>
      {children}
    </Box>
    <Box tag="footer" padding={4} background="neutral100">
      {look.footerText ? (
        <Typography variant="pi" tag="p" textColor="neutral700" style={{ whiteSpace: 'pre-line' }}>
          {look.footerText}
        </Typography>
      ) : null}
      {look.supportEmail ? (
        <Typography variant="pi" tag="p" style={{ color: look.accentColor }}>
          {look.supportEmail}
        </Typography>
      ) : null}
      {look.legalText ? (
        <Typography variant="pi" tag="p" textColor="neutral600" style={{ whiteSpace: 'pre-line' }}>
          {look.legalText}
        </Typography>
      ) : null}
    </Box>
  </Box>
);

/** A portal button: white on the primary colour, as the portal draws it. */
export const PortalButton = ({ look, children }: { look: PortalLook; children: ReactNode }) => (
  <Box
    tag="span"
    paddingTop={2}
    paddingBottom={2}
    paddingLeft={4}
    paddingRight={4}
    hasRadius
    display="inline-block"
    style={{ background: look.primaryColor, color: WHITE, fontWeight: 600 }}
  >
    {children}
  </Box>
);
