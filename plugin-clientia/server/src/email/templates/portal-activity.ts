import { formatsFor, oneLine, portalLink, renderLayout, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

export interface NewMessageVars {
  /** The thread's documentId: the portal page's address. */
  threadId: string;
  threadSubject: string;
  /** Who wrote, as the client knows them (staff member's name or the firm). */
  senderName: string;
}

/**
 * Says that there is a message, never what it says: the content stays behind the portal's login,
 * where a forwarded or intercepted email cannot reach it.
 */
export const newMessageEmail = (brand: EmailBrand, to: EmailRecipient, vars: NewMessageVars): RenderedEmail => {
  const subject = oneLine(vars.threadSubject);
  const sender = oneLine(vars.senderName) || oneLine(brand.firmName);
  const url = portalLink(brand, `/messages/${encodeURIComponent(vars.threadId)}`);
  return renderLayout(
    brand,
    to,
    formatsFor(to).language === 'de'
      ? {
          subject: `Neue Nachricht: ${subject}`,
          preview: `${sender} hat Ihnen geschrieben.`,
          heading: 'Sie haben eine neue Nachricht',
          paragraphs: [`${sender} hat im Gespräch „${subject}“ eine neue Nachricht geschrieben.`, 'Aus Gründen der Vertraulichkeit lesen und beantworten Sie Nachrichten in Ihrem Kundenportal.'],
          action: { label: 'Nachricht lesen', url },
        }
      : {
          subject: `New message: ${subject}`,
          preview: `${sender} wrote to you.`,
          heading: 'You have a new message',
          paragraphs: [`${sender} wrote a new message in "${subject}".`, 'To keep it confidential, you read and answer messages in your client portal.'],
          action: { label: 'Read the message', url },
        }
  );
};

export interface NewDocumentVars {
  documentTitle: string;
  /** The folder it was filed in, if any. */
  folder?: string | null;
}

export const newDocumentEmail = (brand: EmailBrand, to: EmailRecipient, vars: NewDocumentVars): RenderedEmail => {
  const title = oneLine(vars.documentTitle);
  const folder = oneLine(vars.folder);
  const firm = oneLine(brand.firmName);
  const url = portalLink(brand, '/documents');
  return renderLayout(
    brand,
    to,
    formatsFor(to).language === 'de'
      ? {
          subject: `Neues Dokument: ${title}`,
          preview: `${firm} hat ein Dokument für Sie bereitgestellt.`,
          heading: 'Ein neues Dokument für Sie',
          paragraphs: [`${firm} hat „${title}“${folder ? ` im Ordner „${folder}“` : ''} in Ihrem Kundenportal bereitgestellt.`],
          action: { label: 'Dokumente öffnen', url },
        }
      : {
          subject: `New document: ${title}`,
          preview: `${firm} shared a document with you.`,
          heading: 'A new document for you',
          paragraphs: [`${firm} shared "${title}"${folder ? ` in the folder "${folder}"` : ''} in your client portal.`],
          action: { label: 'Open your documents', url },
        }
  );
};
