import { invitationEmail, passwordResetEmail, type InvitationVars, type PasswordResetVars } from './account';
import {
  contractCompletedEmail,
  contractDeclinedEmail,
  contractReminderEmail,
  contractToSignEmail,
  contractWithdrawnEmail,
  type ContractCompletedVars,
  type ContractDeclinedVars,
  type ContractReminderVars,
  type ContractToSignVars,
  type ContractWithdrawnVars,
} from './contracts';
import {
  invoiceIssuedEmail,
  overdueReminderEmail,
  paymentReminderEmail,
  type InvoiceIssuedVars,
  type OverdueReminderVars,
  type PaymentReminderVars,
} from './invoices';
import type { EmailBrand, EmailRecipient, RenderedEmail } from './layout';
import { newDocumentEmail, newMessageEmail, type NewDocumentVars, type NewMessageVars } from './portal-activity';
import { signInLinkEmail, type SignInLinkVars } from './sign-in-link';

/** What each kind of email needs to be written; the outbox row's `kind` is one of these keys. */
export interface EmailVars {
  invitation: InvitationVars;
  password_reset: PasswordResetVars;
  sign_in_link: SignInLinkVars;
  invoice_issued: InvoiceIssuedVars;
  payment_reminder: PaymentReminderVars;
  overdue_reminder: OverdueReminderVars;
  contract_to_sign: ContractToSignVars;
  contract_completed: ContractCompletedVars;
  contract_declined: ContractDeclinedVars;
  contract_reminder: ContractReminderVars;
  contract_withdrawn: ContractWithdrawnVars;
  new_message: NewMessageVars;
  new_document: NewDocumentVars;
}

export type EmailKind = keyof EmailVars;

type Template<K extends EmailKind> = (brand: EmailBrand, to: EmailRecipient, vars: EmailVars[K]) => RenderedEmail;

const EMAIL_TEMPLATES: { [K in EmailKind]: Template<K> } = {
  invitation: invitationEmail,
  password_reset: passwordResetEmail,
  sign_in_link: signInLinkEmail,
  invoice_issued: invoiceIssuedEmail,
  payment_reminder: paymentReminderEmail,
  overdue_reminder: overdueReminderEmail,
  contract_to_sign: contractToSignEmail,
  contract_completed: contractCompletedEmail,
  contract_declined: contractDeclinedEmail,
  contract_reminder: contractReminderEmail,
  contract_withdrawn: contractWithdrawnEmail,
  new_message: newMessageEmail,
  new_document: newDocumentEmail,
};

export const EMAIL_KINDS = Object.keys(EMAIL_TEMPLATES) as EmailKind[];

export const renderTemplate = <K extends EmailKind>(kind: K, brand: EmailBrand, to: EmailRecipient, vars: EmailVars[K]): RenderedEmail =>
  (EMAIL_TEMPLATES[kind] as Template<K>)(brand, to, vars);

export type { EmailBrand, EmailRecipient } from './layout';
export type {
  ContractCompletedVars,
  ContractDeclinedVars,
  ContractReminderVars,
  ContractToSignVars,
  ContractWithdrawnVars,
  InvitationVars,
  InvoiceIssuedVars,
  NewDocumentVars,
  NewMessageVars,
  OverdueReminderVars,
  PasswordResetVars,
  PaymentReminderVars,
  SignInLinkVars,
};
