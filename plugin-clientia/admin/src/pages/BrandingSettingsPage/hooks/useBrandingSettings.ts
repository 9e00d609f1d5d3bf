import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const useBrandingSettings = () => useRemoteData('branding', () => clientiaApi.getBrandingSettings());
