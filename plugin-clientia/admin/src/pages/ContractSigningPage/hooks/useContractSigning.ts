import { useRemoteData } from '../../../hooks/useRemoteData';
import { contractSigningApi } from '../signingApi';

export const useContractSigning = (documentId: string) =>
  useRemoteData(`contract-signing:${documentId}`, () => contractSigningApi.getSigning(documentId));
