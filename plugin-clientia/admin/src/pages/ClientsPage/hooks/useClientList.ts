import type { ClientState, ListClientsQuery } from '../../../../../shared/contracts/admin';
import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

const CLIENTS_PER_PAGE = 20;

export const useClientList = (page: number, q: string, state: string) => {
  const query: ListClientsQuery = {
    page,
    pageSize: CLIENTS_PER_PAGE,
    ...(q ? { q } : {}),
    ...(state ? { state: state as ClientState } : {}),
  };
  return useRemoteData(JSON.stringify(query), () => clientiaApi.listClients(query));
};
