import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const useInvoice = (documentId: string) => useRemoteData(`invoice:${documentId}`, () => clientiaApi.getInvoice(documentId));
