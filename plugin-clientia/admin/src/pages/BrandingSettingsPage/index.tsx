import { useEffect, useMemo, useState } from 'react';
import { Button } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';

import { clientiaApi } from '../../api/client';
import { failureMessage } from '../../api/failure';
import { usePermission } from '../../hooks/usePermission';
import { ACTIONS } from '../../permissions';
import { useTranslate } from '../../utils/useTranslate';
import { checkBranding, draftFromSettings, toBrandingUpdate, type BrandingDraft, type BrandingErrors } from './brandingForm';
import { BrandingForm, type MediaSlot } from './components/BrandingForm';
import { useBrandingSettings } from './hooks/useBrandingSettings';
import { useMediaLibrary } from './hooks/useMediaLibrary';

export const BrandingSettingsPage = () => {
  const { t } = useTranslate();
  const { state, replace } = useBrandingSettings();
  const canManage = usePermission(ACTIONS.manageSettings);
  const { toggleNotification } = useNotification();
  const MediaLibraryDialog = useMediaLibrary();

  const [draft, setDraft] = useState<BrandingDraft | null>(null);
  const [errors, setErrors] = useState<BrandingErrors>({});
  const [saving, setSaving] = useState(false);
  const [choosing, setChoosing] = useState<MediaSlot | null>(null);

  const saved = state.status === 'ready' ? state.data : null;
  useEffect(() => {
    if (saved) setDraft(draftFromSettings(saved));
  }, [saved]);

  const changed = useMemo(
    () => Boolean(saved && draft && JSON.stringify(toBrandingUpdate(draftFromSettings(saved))) !== JSON.stringify(toBrandingUpdate(draft))),
    [saved, draft]
  );

  if (!draft) {
    if (state.status === 'error') return <Page.Error content={t('branding.error')} />;
    return <Page.Loading />;
  }

  const change = (changes: Partial<BrandingDraft>) => {
    setDraft((previous) => (previous ? { ...previous, ...changes } : previous));
    setErrors((previous) => {
      const next = { ...previous };
      for (const field of Object.keys(changes)) delete next[field as keyof BrandingErrors];
      return next;
    });
  };

  const save = async () => {
    const problems = checkBranding(draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      toggleNotification({ type: 'warning', message: t('branding.invalid') });
      return;
    }
    setSaving(true);
    try {
      replace(await clientiaApi.updateBrandingSettings(toBrandingUpdate(draft)));
      toggleNotification({ type: 'success', message: t('branding.saved') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: failureMessage(error) ?? t('branding.saveFailed') });
    } finally {
      setSaving(false);
    }
  };

  const readOnly = !canManage.allowed;
  return (
    <Page.Main>
      <Page.Title>{t('branding.title')}</Page.Title>
      <Layouts.Header
        title={t('branding.title')}
        subtitle={t(readOnly ? 'branding.subtitle.readOnly' : 'branding.subtitle')}
        primaryAction={
          readOnly ? undefined : (
            <Button startIcon={<Check />} onClick={save} loading={saving} disabled={!changed}>
              {t('branding.save')}
            </Button>
          )
        }
      />
      <Layouts.Content>
        <BrandingForm
          draft={draft}
          errors={errors}
          readOnly={readOnly}
          onChange={change}
          onChooseMedia={MediaLibraryDialog ? setChoosing : undefined}
        />
        {MediaLibraryDialog && choosing ? (
          <MediaLibraryDialog
            allowedTypes={['images']}
            multiple={false}
            onClose={() => setChoosing(null)}
            onSelectAssets={([asset]) => {
              if (asset) change({ [choosing]: { id: asset.id, url: asset.url } });
              setChoosing(null);
            }}
          />
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
