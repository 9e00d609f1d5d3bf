import { oneLine, portalLink, renderLayout, textsFor, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

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
  const t = textsFor(to);
  const subject = oneLine(vars.threadSubject);
  const sender = oneLine(vars.senderName) || oneLine(brand.firmName);
  const url = portalLink(brand, `/messages/${encodeURIComponent(vars.threadId)}`);
  return renderLayout(brand, to, {
    subject: t('newMessage.subject', { subject }),
    preview: t('newMessage.preview', { sender }),
    heading: t('newMessage.heading'),
    paragraphs: [t('newMessage.intro', { sender, subject }), t('newMessage.confidential')],
    action: { label: t('newMessage.action'), url },
  });
};

export interface NewDocumentVars {
  documentTitle: string;
  /** The folder it was filed in, if any. */
  folder?: string | null;
}

export const newDocumentEmail = (brand: EmailBrand, to: EmailRecipient, vars: NewDocumentVars): RenderedEmail => {
  const t = textsFor(to);
  const title = oneLine(vars.documentTitle);
  const folder = oneLine(vars.folder);
  const firm = oneLine(brand.firmName);
  const url = portalLink(brand, '/documents');
  return renderLayout(brand, to, {
    subject: t('newDocument.subject', { title }),
    preview: t('newDocument.preview', { firm }),
    heading: t('newDocument.heading'),
    paragraphs: [folder ? t('newDocument.introInFolder', { firm, title, folder }) : t('newDocument.intro', { firm, title })],
    action: { label: t('newDocument.action'), url },
  });
};
