import type { ClientState } from '../../../../../shared/contracts/admin';
import { clientiaApi, type ClientListQuery } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const CLIENTS_PER_PAGE = 20;

export const useClientList = (page: number, q: string, state: string) => {
  const query: ClientListQuery = {
    page,
    pageSize: CLIENTS_PER_PAGE,
    ...(q ? { q } : {}),
    ...(state ? { state: state as ClientState } : {}),
  };
  return useRemoteData(JSON.stringify(query), () => clientiaApi.listClients(query));
};
