import { useRef, useState } from 'react';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';

import type { InvitationIssued } from '../../../api/client';
import { Notice } from '../../../components/Notice';
import { formatDateTime } from '../../../utils/dates';
import { useTranslate } from '../../../utils/useTranslate';

type CopyState = 'idle' | 'copied' | 'manual';

/** The invite link exists in clear only in this answer: the server keeps its hash, never the link. */
export const InvitationLink = ({ invitation }: { invitation: InvitationIssued }) => {
  const { t, label, locale } = useTranslate();
  const [copy, setCopy] = useState<CopyState>('idle');
  const input = useRef<HTMLInputElement>(null);

  const copyLink = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(invitation.inviteUrl);
      setCopy('copied');
    } catch {
      input.current?.select();
      setCopy('manual');
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography>
        {t('invite.issued', { email: invitation.email, role: label('role', invitation.role) })}
      </Typography>
      <Notice variant="warning" title={t('invite.onceTitle')}>
        {t('invite.once', { expires: formatDateTime(invitation.expiresAt, locale) ?? '' })}
      </Notice>
      <Field.Root name="inviteUrl">
        <Field.Label>{t('invite.link')}</Field.Label>
        <Flex gap={2}>
          <Box flex="1">
            <Field.Input ref={input} value={invitation.inviteUrl} readOnly onFocus={(event) => event.target.select()} />
          </Box>
          <Button variant="secondary" startIcon={<Duplicate />} onClick={copyLink}>
            {t('invite.copy')}
          </Button>
        </Flex>
      </Field.Root>
      {/* Not the design system's amber for "copy it yourself": it reads at 3:1 on white. */}
      <Typography role="status" textColor={copy === 'manual' ? 'neutral800' : 'success600'}>
        {copy === 'copied' ? t('invite.copied') : copy === 'manual' ? t('invite.copyManually') : ''}
      </Typography>
    </Flex>
  );
};
