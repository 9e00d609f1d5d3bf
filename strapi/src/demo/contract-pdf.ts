import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

interface AgreementText {
  firmName: string;
  clientName: string;
  title: string;
  effectiveDate?: string;
  endDate?: string;
  /** Fees in words, e.g. "EUR 180,000.00". */
  fees?: string;
}

const CLAUSES: [string, string][] = [
  ['Scope', 'The Firm provides the services described in the statements of work agreed under this agreement.'],
  ['Fees', 'The Client pays the fees stated below, invoiced monthly and due within 30 days of the invoice date.'],
  ['Confidentiality', 'Each party keeps the other party’s confidential information confidential and uses it only for this agreement.'],
  ['Term', 'This agreement runs from the effective date to the end date unless either party ends it with three months’ notice.'],
  ['Signatures', 'This agreement may be signed electronically; an electronic signature has the effect of a handwritten one.'],
];

/** A plain, two-page agreement for the demo contracts: real PDF bytes the portal shows and signs. */
export const agreementPdf = async (agreement: AgreementText): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const fixed = new Date('2026-01-01T00:00:00Z');
  pdf.setTitle(agreement.title);
  pdf.setAuthor(agreement.firmName);
  pdf.setProducer('Clientia demo');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);

  const first = pdf.addPage([595.28, 841.89]);
  let y = 770;
  const line = (page: typeof first, text: string, size = 11, font = regular) => {
    // Latin-1 text only: the demo's names and titles are written for the standard fonts.
    page.drawText(text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/–/g, '-'), { x: 64, y, size, font, color: rgb(0.1, 0.1, 0.12) });
    y -= size + 9;
  };
  line(first, agreement.title, 18, bold);
  y -= 8;
  line(first, `Between ${agreement.firmName} (the Firm) and ${agreement.clientName} (the Client).`);
  if (agreement.effectiveDate) line(first, `Effective date: ${agreement.effectiveDate}${agreement.endDate ? `; end date: ${agreement.endDate}` : ''}.`);
  if (agreement.fees) line(first, `Fees: ${agreement.fees}.`);
  y -= 10;
  CLAUSES.forEach(([heading, text], index) => {
    line(first, `${index + 1}. ${heading}`, 12, bold);
    line(first, text, 10);
    y -= 6;
  });

  const second = pdf.addPage([595.28, 841.89]);
  y = 770;
  line(second, 'Signatures', 14, bold);
  line(second, 'Signed electronically in the client portal; the signing certificate follows the last page once all have signed.', 10);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};
