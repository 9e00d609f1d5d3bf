import { formatsFor, oneLine, portalLink, renderLayout, type EmailBrand, type EmailRecipient, type RenderedEmail } from './layout';

interface ContractRef {
  /** The contract's documentId: the portal page's address. */
  contractId: string;
  number: string | null;
  title: string;
}

export type ContractToSignVars = ContractRef;

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
  const firm = oneLine(brand.firmName);
  const name = label(vars);
  const url = contractPage(brand, vars, '/sign');
  return renderLayout(
    brand,
    to,
    formatsFor(to).language === 'de'
      ? {
          subject: `Bitte unterschreiben: ${name}`,
          preview: `${firm} bittet um Ihre Unterschrift.`,
          heading: 'Ein Vertrag wartet auf Ihre Unterschrift',
          paragraphs: [`${firm} bittet Sie, „${name}“ zu unterschreiben.`, 'Sie können das Dokument in Ihrem Kundenportal lesen und dort unterschreiben oder ablehnen.'],
          action: { label: 'Dokument lesen und unterschreiben', url },
          closing: ['Falls Sie diese Nachricht nicht erwartet haben, antworten Sie bitte auf diese E-Mail.'],
        }
      : {
          subject: `Please sign: ${name}`,
          preview: `${firm} asks for your signature.`,
          heading: 'A contract is waiting for your signature',
          paragraphs: [`${firm} asks you to sign "${name}".`, 'You can read the document in your client portal and sign or decline it there.'],
          action: { label: 'Read and sign', url },
          closing: ['If you did not expect this message, please reply to this email.'],
        }
  );
};

/** The signed PDF with its certificate page travels as the caller's attachment. */
export const contractCompletedEmail = (brand: EmailBrand, to: EmailRecipient, vars: ContractCompletedVars): RenderedEmail => {
  const name = label(vars);
  const code = oneLine(vars.verificationCode);
  const url = contractPage(brand, vars, '/verification');
  return renderLayout(
    brand,
    to,
    formatsFor(to).language === 'de'
      ? {
          subject: `Unterschrieben: ${name}`,
          preview: 'Alle Beteiligten haben unterschrieben.',
          heading: 'Der Vertrag ist unterschrieben',
          paragraphs: [`„${name}“ ist von allen Beteiligten unterschrieben. Das unterschriebene Dokument mit dem Signaturzertifikat liegt dieser E-Mail bei.`],
          facts: [{ label: 'Prüfcode', value: code }],
          action: { label: 'Unterschriften prüfen', url },
        }
      : {
          subject: `Signed: ${name}`,
          preview: 'Everyone has signed.',
          heading: 'The contract is signed',
          paragraphs: [`"${name}" has been signed by everyone. The signed document with its signing certificate is attached.`],
          facts: [{ label: 'Verification code', value: code }],
          action: { label: 'Check the signatures', url },
        }
  );
};

/** To the firm's own inbox: what happened and why, and what to do next. */
export const contractDeclinedEmail = (brand: EmailBrand, to: EmailRecipient, vars: ContractDeclinedVars): RenderedEmail => {
  const name = label(vars);
  const by = oneLine(vars.declinedBy);
  return renderLayout(
    brand,
    to,
    formatsFor(to).language === 'de'
      ? {
          subject: `Abgelehnt: ${name}`,
          preview: `${by} hat nicht unterschrieben.`,
          heading: 'Unterschrift abgelehnt',
          paragraphs: [`${by} hat abgelehnt, „${name}“ zu unterschreiben.`, `Angegebener Grund:\n${vars.reason.trim()}`],
          closing: ['Der Vertrag ist jetzt abgelehnt. Um erneut zu fragen, legen Sie eine Änderung oder eine neue Fassung an und senden Sie diese.'],
        }
      : {
          subject: `Declined: ${name}`,
          preview: `${by} did not sign.`,
          heading: 'Signature declined',
          paragraphs: [`${by} declined to sign "${name}".`, `Reason given:\n${vars.reason.trim()}`],
          closing: ['The contract is now declined. To ask again, create an amendment or a new version and send it.'],
        }
  );
};
