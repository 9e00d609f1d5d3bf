import { useEffect, useMemo, useState } from 'react';
import { Button } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';

import type { AdminSignInSettings } from '../../../../shared/contracts/admin-sign-in';
import { clientiaApi } from '../../api/client';
import { failureMessage } from '../../api/failure';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { useTranslate } from '../../utils/useTranslate';
import { SignInSettingsForm } from './components/SignInSettingsForm';
import { useSignInSettings } from './hooks/useSignInSettings';
import { signInChanges } from './signInForm';

export const SignInSettingsPage = () => {
  const { t } = useTranslate();
  const { state, replace } = useSignInSettings();
  const canManage = usePermission(ACTIONS.manageSettings);
  const { toggleNotification } = useNotification();

  const [draft, setDraft] = useState<AdminSignInSettings | null>(null);
  const [saving, setSaving] = useState(false);

  const saved = state.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (saved) setDraft(saved);
  }, [saved]);

  const changes = useMemo(() => (saved && draft ? signInChanges(saved, draft) : {}), [saved, draft]);

  if (!draft) {
    if (state.status === 'error') return <Page.Error content={t('signInSettings.error')} />;
    return <Page.Loading />;
  }

  const save = async () => {
    setSaving(true);
    try {
      replace(await clientiaApi.updateSignInSettings(changes));
      toggleNotification({ type: 'success', message: t('signInSettings.saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: failureMessage(error) ?? t('signInSettings.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  const readOnly = !canManage.allowed;
  return (
    <Page.Main>
      <Page.Title>{t('signInSettings.title')}</Page.Title>
      <Layouts.Header
        title={t('signInSettings.title')}
        subtitle={t(readOnly ? 'signInSettings.subtitle.readOnly' : 'signInSettings.subtitle')}
        primaryAction={
          readOnly ? undefined : (
            <Button startIcon={<Check />} onClick={save} loading={saving} disabled={Object.keys(changes).length === 0}>
              {t('signInSettings.save')}
            </Button>
          )
        }
      />
      <Layouts.Content>
        <SignInSettingsForm
          draft={draft}
          readOnly={readOnly}
          onChange={(next) => setDraft((previous) => (previous ? { ...previous, ...next } : previous))}
        />
      </Layouts.Content>
    </Page.Main>
  );
};
