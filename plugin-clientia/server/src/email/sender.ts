import { parseEmailFrom } from '../config/email-from';
import { text, type Row } from '../repositories/rows';
/**
 * The firm's sender from the branding: its address, under the sender name or else the firm's
 * name. Without an address, the plugin's `emailFrom` (under its own name, else the firm's);
 * without that either, nobody: the email provider's default sender is used instead.
 */
export const firmSender = (branding: Row | null, emailFrom = ''): Sender => {
  const firmName = text(branding?.firmName).trim();
  const email = text(branding?.emailSenderAddress).trim();
  if (email) return { name: displayName(text(branding?.emailSenderName).trim() || firmName), email };
  const configured = parseEmailFrom(emailFrom);
  if (!configured) return { name: '', email: '' };
  return { name: displayName(configured.name || firmName), email: configured.email };
};

export interface Sender {
  name: string;
  email: string;
}

/**
 * users-permissions writes the sender as `${name} <${email}>`, so a name with a comma ("Keller,
 * Brandt & Partner") would read as two addresses: such a name goes in quotes. Line breaks never
 * reach a header.
 */
const displayName = (name: string) => {
  const line = name.replace(/\s+/g, ' ').trim();
  return /[()<>[\]:;@\\,."]/.test(line) ? `"${line.replace(/(["\\])/g, '\\$1')}"` : line;
};
