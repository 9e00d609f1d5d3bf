import { useCallback, useState } from 'react';

import { ApiFailure } from '../api/failure';
import { saveFile } from '../utils/saveFile';

export interface DownloadFailure {
  /** Which file failed (the caller's key for it). */
  key: string;
  /** The file is no longer there (404), or anything else went wrong. */
  missing: boolean;
}

/**
 * Downloads a private file through the API module (which sends the staff token) and saves it.
 * One download at a time per list; what failed, and why, is kept for the list to say next to it.
 */
export const useFileDownload = () => {
  const [pending, setPending] = useState<string | null>(null);
  const [failure, setFailure] = useState<DownloadFailure | null>(null);

  const download = useCallback(async (key: string, fetchFile: () => Promise<Blob>, fileName: string) => {
    setPending(key);
    setFailure(null);
    try {
      saveFile(await fetchFile(), fileName);
    } catch (error) {
      setFailure({ key, missing: error instanceof ApiFailure && error.status === 404 });
    } finally {
      setPending(null);
    }
  }, []);

  return { download, pending, failure };
};
