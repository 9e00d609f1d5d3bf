import { clientiaApi, type ThreadListQuery } from '../../../api/client';
import { useRemoteData } from '../../../hooks/useRemoteData';

export const THREADS_PER_PAGE = 20;

export const useInbox = (page: number, state: ThreadListQuery['state']) => {
  const query: ThreadListQuery = { page, pageSize: THREADS_PER_PAGE, state };
  return useRemoteData(JSON.stringify(query), () => clientiaApi.listThreads(query));
};
