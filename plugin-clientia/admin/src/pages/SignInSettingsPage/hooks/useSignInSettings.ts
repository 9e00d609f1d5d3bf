import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const useSignInSettings = () => useRemoteData('sign-in-settings', () => clientiaApi.getSignInSettings());
