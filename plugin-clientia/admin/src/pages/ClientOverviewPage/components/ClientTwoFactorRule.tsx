import { useState, type ChangeEvent } from 'react';
import { Box, Field, Flex, Toggle, Typography } from '@strapi/design-system';

import { Notice } from '../../../components/Notice';
import { useTranslate } from '../../../utils/useTranslate';
import type { ContactSignInControls } from '../signIn';

/** The client's own switch: every contact of this client must use two-factor authentication. */
export const ClientTwoFactorRule = ({ signIn }: { signIn: ContactSignInControls }) => {
  const { t } = useTranslate();
  const [saving, setSaving] = useState(false);
  const { security } = signIn;

  const change = async (required: boolean) => {
    setSaving(true);
    try {
      await signIn.onRequireTwoFactor(required);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box tag="section" aria-label={t('client.signIn.title')} paddingBottom={5}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h3">
          {t('client.signIn.title')}
        </Typography>
        {signIn.failed ? (
          <Notice variant="warning" title={t('client.signIn.loadFailedTitle')}>
            {t('client.signIn.loadFailed')}
          </Notice>
        ) : (
          <Field.Root name="requireTwoFactor" hint={t(signIn.canManage ? 'client.signIn.requireTwoFactor.hint' : 'client.signIn.readOnly')}>
            <Field.Label>{t('client.signIn.requireTwoFactor')}</Field.Label>
            <Toggle
              checked={security ? security.requireTwoFactor : null}
              onLabel={t('signInSettings.on')}
              offLabel={t('signInSettings.off')}
              disabled={!security || !signIn.canManage || saving}
              onChange={(event: ChangeEvent<HTMLInputElement>) => change(event.target.checked)}
            />
            <Field.Hint />
          </Field.Root>
        )}
        {security?.portalRequiresTwoFactor ? (
          <Notice variant="info" title={t('client.signIn.portalRequiresTitle')}>
            {t('client.signIn.portalRequires')}
          </Notice>
        ) : null}
      </Flex>
    </Box>
  );
};
