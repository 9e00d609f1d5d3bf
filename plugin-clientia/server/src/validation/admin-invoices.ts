import { INVOICE_PDF_FIELD } from '../../../shared/contracts/admin-invoices';
import { receivedOne } from './parse';

/** The one file of an invoice PDF upload: the firm's own PDF of a draft invoice. */
export const receivedInvoicePdf = (files: Record<string, unknown> | undefined) => receivedOne(files, INVOICE_PDF_FIELD, 'PDF', 'invoice PDF');
