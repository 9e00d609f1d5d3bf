import type { ListInboxThreadsQuery } from '../../../../../shared/contracts/admin';
import { clientiaApi } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

const THREADS_PER_PAGE = 20;

export const useInbox = (page: number, state: ListInboxThreadsQuery['state']) => {
  const query: ListInboxThreadsQuery = { page, pageSize: THREADS_PER_PAGE, state };
  return useRemoteData(JSON.stringify(query), () => clientiaApi.listThreads(query));
};
