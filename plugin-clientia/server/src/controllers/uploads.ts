import { discardReceivedFiles } from '../storage/received-files';
import type { AdminContext } from './context';

/** An admin write that may come as multipart/form-data: the parser leaves text fields in the body, files aside. */
export interface AdminUploadContext extends AdminContext {
  request: { body?: unknown; files?: Record<string, unknown> };
}

/**
 * Runs the handler and then removes the request's temporary files, whatever it answered. (A request
 * refused before its handler runs, by the admin policies, is cleaned up by the portal-input
 * middleware.)
 */
export const discardingFiles = async (ctx: AdminUploadContext, handle: () => Promise<void>) => {
  try {
    await handle();
  } finally {
    await discardReceivedFiles(ctx.request.files);
  }
};
