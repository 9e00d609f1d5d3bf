import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';

import { NEUTRAL_BRANDING } from '../../../../shared/contracts/branding';
import { isNotFound } from '../../api/failure';
import { paths } from '../../utils/links';
import { mediaUrl } from '../../utils/mediaUrl';
import { useTranslate } from '../../utils/useTranslate';
import { PortalPreviewView } from './components/PortalPreviewView';
import { usePortalPreview } from './hooks/usePortalPreview';

export const PortalPreviewPage = () => {
  const { t } = useTranslate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { state } = usePortalPreview(documentId);

  if (!state.data) {
    if (state.status === 'loading') return <Page.Loading />;
    return <Page.Error content={t(state.status === 'error' && isNotFound(state.error) ? 'client.notFound' : 'preview.error')} />;
  }

  const { preview, branding } = state.data;
  const brand = branding ?? NEUTRAL_BRANDING;
  const look = { ...brand, logoUrl: mediaUrl(brand.logoUrl) };
  return (
    <Page.Main>
      <Page.Title>{t('preview.title', { client: preview.client.name })}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.client(documentId)} />}
        title={t('preview.title', { client: preview.client.name })}
        subtitle={t('preview.subtitle')}
      />
      <Layouts.Content>
        <PortalPreviewView preview={preview} look={look} />
      </Layouts.Content>
    </Page.Main>
  );
};
