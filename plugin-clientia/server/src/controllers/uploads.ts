import { discardReceivedFiles } from '../storage/received-files';
import type { AdminContext } from './context';

/** An admin write that may come as multipart/form-data: the parser leaves text fields in the body, files aside. */
export interface AdminUploadContext extends AdminContext {
  request: { body?: unknown; files?: Record<string, unknown> };
}

/**
 * Runs the handler and then removes the request's temporary files, whatever it answered, as soon
 * as it is done with them. (The request-files middleware removes whatever is left, for every
 * request, including those refused before their handler runs.)
 */
export const discardingFiles = async (ctx: AdminUploadContext, handle: () => Promise<void>) => {
  try {
    await handle();
  } finally {
    await discardReceivedFiles(ctx.request.files);
  }
};
