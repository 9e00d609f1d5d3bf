import type { ChangeEvent, ReactNode } from 'react';
import { Box, Field, Flex, Toggle, Typography } from '@strapi/design-system';

import type { AdminSignInSettings } from '../../../../../shared/contracts/admin-sign-in';
import { Notice } from '../../../components/Notice';
import { useTranslate, type TranslationKey } from '../../../utils/useTranslate';
import type { SignInSettingField } from '../signInForm';

interface SignInSettingsFormProps {
  draft: AdminSignInSettings;
  /** Without the settings permission the settings can be read, not changed. */
  readOnly: boolean;
  onChange: (changes: Partial<AdminSignInSettings>) => void;
}

const Group = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box tag="fieldset" background="neutral0" hasRadius shadow="tableShadow" padding={6} borderStyle="none" margin={0}>
    <Box paddingBottom={4}>
      <Typography variant="delta" tag="legend">
        {title}
      </Typography>
    </Box>
    <Flex direction="column" alignItems="stretch" gap={4}>
      {children}
    </Flex>
  </Box>
);

export const SignInSettingsForm = ({ draft, readOnly, onChange }: SignInSettingsFormProps) => {
  const { t } = useTranslate();

  const toggle = (field: SignInSettingField, labelKey: TranslationKey, hintKey: TranslationKey) => (
    <Field.Root name={field} hint={t(hintKey)}>
      <Field.Label>{t(labelKey)}</Field.Label>
      <Toggle
        checked={draft[field]}
        onLabel={t('signInSettings.on')}
        offLabel={t('signInSettings.off')}
        disabled={readOnly}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange({ [field]: event.target.checked })}
      />
      <Field.Hint />
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Group title={t('signInSettings.group.methods')}>
        {toggle('magicLinks', 'signInSettings.magicLinks', 'signInSettings.magicLinks.hint')}
      </Group>
      <Group title={t('signInSettings.group.twoFactor')}>
        {toggle('requireTwoFactor', 'signInSettings.requireTwoFactor', 'signInSettings.requireTwoFactor.hint')}
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('signInSettings.perClient')}
        </Typography>
        {draft.requireTwoFactor ? (
          <Notice variant="info" title={t('signInSettings.requireTwoFactor.onTitle')}>
            {t('signInSettings.requireTwoFactor.on')}
          </Notice>
        ) : null}
      </Group>
    </Flex>
  );
};
