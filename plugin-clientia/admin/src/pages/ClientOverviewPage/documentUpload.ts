import {
  uploadStaffDocumentFields,
  type DocumentVisibility,
  type StaffDocument,
  type UploadStaffDocumentFields,
} from '../../../../shared/contracts/admin-documents';
import { fileProblem, type FileProblem } from '../../utils/files';

export type UploadStatus = 'ready' | 'uploading' | 'done' | 'failed';

/** A file chosen for upload, with what the panel found wrong with it and how its upload went. */
export interface PickedFile {
  key: string;
  file: File;
  problem: FileProblem | null;
  status: UploadStatus;
  /** The server's words when its upload was refused. */
  failure: string | null;
}

let picked = 0;

/** Adds newly chosen files to the list; those already uploaded leave it. */
export const addFiles = (current: PickedFile[], files: File[]): PickedFile[] => [
  ...current.filter((entry) => entry.status !== 'done'),
  ...files.map((file) => ({ key: `file-${(picked += 1)}`, file, problem: fileProblem(file), status: 'ready' as const, failure: null })),
];

/** The files that will be sent: nothing the panel already knows the server refuses, nothing sent already. */
export const filesToSend = (files: PickedFile[]) => files.filter((entry) => !entry.problem && entry.status !== 'done');

export interface UploadDraft {
  title: string;
  folder: string;
  /** Empty until chosen: nothing is shared with a client by default. */
  visibility: DocumentVisibility | '';
}

export const EMPTY_UPLOAD: UploadDraft = { title: '', folder: '', visibility: '' };

export type UploadProblem = 'noFiles' | 'required' | 'tooLong';
export type UploadErrors = Partial<Record<'files' | 'title' | 'folder' | 'visibility', UploadProblem>>;

type Checked = { ok: true; fields: UploadStaffDocumentFields } | { ok: false; errors: UploadErrors };

/**
 * The upload's fields through the server's own schema. A title names one document, so it is sent
 * only when one file is; several files are each named after their file.
 */
export const checkUpload = (draft: UploadDraft, files: PickedFile[]): Checked => {
  const sending = filesToSend(files);
  const title = sending.length === 1 ? draft.title : '';
  const errors: UploadErrors = {};
  if (sending.length === 0) errors.files = 'noFiles';
  const parsed = uploadStaffDocumentFields.safeParse({ visibility: draft.visibility, title, folder: draft.folder });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'visibility') errors.visibility = 'required';
      if (field === 'title' || field === 'folder') errors[field] = 'tooLong';
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, fields: { visibility: parsed.data.visibility, title: parsed.data.title ?? undefined, folder: parsed.data.folder ?? undefined } };
};

/** The documents the table shows: archived ones only when asked for. */
export const listedDocuments = (documents: StaffDocument[], showArchived: boolean) =>
  showArchived ? documents : documents.filter((document) => !document.archivedAt);
