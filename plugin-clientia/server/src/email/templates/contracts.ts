import { oneLine, portalLink, renderLayout, textsFor, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

interface ContractRef {
  /** The contract's documentId: the portal page's address. */
  contractId: string;
  number: string | null;
  title: string;
}

export type ContractToSignVars = ContractRef;

export type ContractReminderVars = ContractRef;

export interface ContractWithdrawnVars extends ContractRef {
  /** The firm's reason, as staff gave it when cancelling; null without one. */
  reason: string | null;
}

export interface ContractCompletedVars extends ContractRef {
  /** Printed on the certificate page; anyone can check the signatures with it. */
  verificationCode: string;
}

export interface ContractDeclinedVars extends ContractRef {
  /** Who declined: name and address as the trail recorded them. */
  declinedBy: string;
  reason: string;
}

const label = (contract: ContractRef) => oneLine([contract.number, contract.title].filter(Boolean).join(' '));

const contractPage = (brand: EmailBrand, contract: ContractRef, page: string) =>
  portalLink(brand, `/contracts/${encodeURIComponent(contract.contractId)}${page}`);

export const contractToSignEmail = (brand: EmailBrand, to: EmailRecipient, vars: ContractToSignVars): RenderedEmail => {
  const t = textsFor(to);
  const firm = oneLine(brand.firmName);
  const contract = label(vars);
  const url = contractPage(brand, vars, '/sign');
  return renderLayout(brand, to, {
    subject: t('contractToSign.subject', { contract }),
    preview: t('contractToSign.preview', { firm }),
    heading: t('contractToSign.heading'),
    paragraphs: [t('contractToSign.intro', { firm, contract }), t('contractToSign.where')],
    action: { label: t('contractToSign.action'), url },
    closing: [t('contractToSign.closing')],
  });
};

/** The signed PDF with its certificate page travels as the caller's attachment. */
export const contractCompletedEmail = (brand: EmailBrand, to: EmailRecipient, vars: ContractCompletedVars): RenderedEmail => {
  const t = textsFor(to);
  const contract = label(vars);
  const url = contractPage(brand, vars, '/verification');
  return renderLayout(brand, to, {
    subject: t('contractCompleted.subject', { contract }),
    preview: t('contractCompleted.preview'),
    heading: t('contractCompleted.heading'),
    paragraphs: [t('contractCompleted.intro', { contract })],
    facts: [{ label: t('contractCompleted.verificationCode'), value: oneLine(vars.verificationCode) }],
    action: { label: t('contractCompleted.action'), url },
  });
};

/** To the firm's own inbox: what happened and why, and what to do next. */
export const contractDeclinedEmail = (brand: EmailBrand, to: EmailRecipient, vars: ContractDeclinedVars): RenderedEmail => {
  const t = textsFor(to);
  const contract = label(vars);
  const person = oneLine(vars.declinedBy);
  return renderLayout(brand, to, {
    subject: t('contractDeclined.subject', { contract }),
    preview: t('contractDeclined.preview', { person }),
    heading: t('contractDeclined.heading'),
    paragraphs: [t('contractDeclined.intro', { person, contract }), t('contractDeclined.reason', { reason: vars.reason.trim() })],
    closing: [t('contractDeclined.closing')],
  });
};

/** A signatory whose turn it is, asked again by the firm: the same page to sign on. */
export const contractReminderEmail = (brand: EmailBrand, to: EmailRecipient, vars: ContractReminderVars): RenderedEmail => {
  const t = textsFor(to);
  const firm = oneLine(brand.firmName);
  const contract = label(vars);
  return renderLayout(brand, to, {
    subject: t('contractReminder.subject', { contract }),
    preview: t('contractReminder.preview', { firm }),
    heading: t('contractReminder.heading'),
    paragraphs: [t('contractReminder.intro', { firm, contract }), t('contractReminder.where')],
    action: { label: t('contractReminder.action'), url: contractPage(brand, vars, '/sign') },
    closing: [t('contractReminder.closing')],
  });
};

/**
 * To each signatory who was asked to sign: the request is withdrawn, so they neither sign a
 * version the firm no longer stands behind nor wonder why the link stopped working. No link: the
 * contract is a draft again, out of the portal until it is sent anew.
 */
export const contractWithdrawnEmail = (brand: EmailBrand, to: EmailRecipient, vars: ContractWithdrawnVars): RenderedEmail => {
  const t = textsFor(to);
  const firm = oneLine(brand.firmName);
  const contract = label(vars);
  const reason = vars.reason?.trim();
  return renderLayout(brand, to, {
    subject: t('contractWithdrawn.subject', { contract }),
    preview: t('contractWithdrawn.preview', { firm }),
    heading: t('contractWithdrawn.heading'),
    paragraphs: [
      t('contractWithdrawn.intro', { firm, contract }),
      ...(reason ? [t('contractWithdrawn.reason', { reason })] : []),
      t('contractWithdrawn.signatures'),
    ],
    closing: [t('contractWithdrawn.closing')],
  });
};
