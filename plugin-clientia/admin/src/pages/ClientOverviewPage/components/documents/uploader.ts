import type { DocumentUploader } from '../../../../../../shared/contracts/admin-documents';
import type { useTranslate } from '../../../../utils/useTranslate';

type Translate = ReturnType<typeof useTranslate>['t'];

/** Who uploaded a version, and from which side: the firm's staff or the client's contact. */
export const uploaderLabel = (t: Translate, uploader: DocumentUploader | null) =>
  uploader ? t(uploader.kind === 'staff' ? 'documents.uploader.staff' : 'documents.uploader.contact', { name: uploader.name }) : null;
