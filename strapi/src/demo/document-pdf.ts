import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

interface DocumentText {
  firmName: string;
  clientName: string;
  title: string;
  folder: string;
  version: number;
  /** Who wrote it: the firm, or the client (a contact's upload). */
  fromClient: boolean;
}

/** What each folder's documents say, a paragraph each: enough to read as the real thing in a viewer. */
const BODY: Record<string, string[]> = {
  Contracts: [
    'This document records terms agreed between the parties. Where it differs from an earlier',
    'document on the same subject, this document prevails from its effective date.',
  ],
  Reports: [
    'Summary. The findings below come from interviews, site visits and the data the client shared.',
    'Each recommendation names its owner, its expected effect and the next step agreed.',
  ],
  Onboarding: [
    'Welcome. This document lists who does what in the first weeks, the documents we need from',
    'you and how to reach the team. Questions are best sent as messages in the client portal.',
  ],
  'Purchase orders': [
    'Please supply the services described in the current statement of work under this order.',
    'Invoices must quote the order number. Payment terms as agreed in the master agreement.',
  ],
};

/** A one-page PDF for a seeded document, so that every download in the demo opens a real file. */
export const documentPdf = async (document: DocumentText): Promise<Buffer> => {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const fixed = new Date('2026-01-01T00:00:00Z');
  const author = document.fromClient ? document.clientName : document.firmName;
  pdf.setTitle(document.title);
  pdf.setAuthor(author);
  pdf.setProducer('Clientia demo');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);

  const page = pdf.addPage([595.28, 841.89]);
  let y = 770;
  const line = (text: string, size = 11, font = regular) => {
    // Latin-1 text only: the demo's names and titles are written for the standard fonts.
    page.drawText(text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-'), { x: 64, y, size, font, color: rgb(0.1, 0.1, 0.12) });
    y -= size + 9;
  };
  line(document.title, 18, bold);
  y -= 6;
  line(document.fromClient ? `From ${document.clientName} to ${document.firmName}` : `Prepared by ${document.firmName} for ${document.clientName}`);
  line(`${document.folder} · version ${document.version}`, 10);
  y -= 10;
  for (const text of BODY[document.folder] ?? []) line(text, 10);
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
};

/** The file name a document's PDF is stored under: its title in lower case, words joined by hyphens. */
export const documentFileName = (title: string, version: number) =>
  `${title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}${version > 1 ? `-v${version}` : ''}.pdf`;
