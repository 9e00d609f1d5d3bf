import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const useAttentionOverview = () => useRemoteData('overview', () => clientiaApi.getAttentionOverview());
