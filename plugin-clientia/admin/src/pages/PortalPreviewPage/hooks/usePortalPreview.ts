import type { BrandingSettings, PortalPreview } from '../../../../../shared/contracts/admin';
import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

interface PreviewWithBranding {
  preview: PortalPreview;
  /** Null when the brand could not be read: the preview then uses the neutral look. */
  branding: BrandingSettings | null;
}

export const usePortalPreview = (clientDocumentId: string) =>
  useRemoteData<PreviewWithBranding>(`preview:${clientDocumentId}`, async () => {
    const [preview, branding] = await Promise.all([
      clientiaApi.getPortalPreview(clientDocumentId),
      clientiaApi.getBrandingSettings().catch(() => null),
    ]);
    return { preview, branding };
  });
