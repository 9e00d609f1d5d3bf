import type { ListClientDocumentsResponse, StaffDocument, UploadStaffDocumentFields } from '../../../../shared/contracts/admin-documents';
import type { StartThreadRequest } from '../../../../shared/contracts/portal-threads';
import type { ThreadWithMessages } from '../../api/client';

/** The Documents tab's list as it loads, and what the staff member may do with it. */
export interface DocumentControls {
  canManage: boolean;
  list: { status: 'loading' | 'error' | 'ready'; data: ListClientDocumentsResponse | null };
  /** One file; the list is loaded again by `refresh` once a batch is sent. */
  upload: (file: File, fields: UploadStaffDocumentFields) => Promise<void>;
  refresh: () => void;
  /** These load the list (and the overview's counts and activity) again themselves. */
  addVersion: (document: StaffDocument, file: File) => Promise<StaffDocument>;
  /** A version's bytes, fetched with the staff member's token. */
  download: (documentId: string) => Promise<Blob>;
  setArchived: (document: StaffDocument, archived: boolean) => Promise<void>;
  remove: (document: StaffDocument) => Promise<void>;
}

/**
 * What the client page lets its record tabs do beyond showing the overview. The page owns the API
 * calls; the tabs only call these, so they render the same in the panel and in a test.
 */
export interface RecordControls {
  documents: DocumentControls;
  /** Left out without the records action: no "New thread". */
  startThread?: (thread: StartThreadRequest, files: File[]) => Promise<ThreadWithMessages>;
}
