import { isEmail } from '../../../shared/contracts/fields';

interface ConfiguredSender {
  /** The display name as written, without quotes; empty when only an address was given. */
  name: string;
  email: string;
}

// Characters that would end or split an address inside a From header.
const HEADER_SPECIALS = /[<>()[\]\\,;:"]/;
const NAMED = /^(.*?)\s*<([^<>]*)>$/;

/**
 * `address` or `Name <address>` (the name may be in double quotes, as it must be when it holds a
 * comma: `"Keller, Brandt & Partner" <billing@keller.example>`). Null for anything else,
 * including text with line breaks, which must never reach a mail header.
 */
export const parseEmailFrom = (value: string): ConfiguredSender | null => {
  const text = value.trim();
  if (!text || /[\r\n\0]/.test(text)) return null;
  const named = NAMED.exec(text);
  let name = named ? named[1]!.trim() : '';
  const email = (named ? named[2]! : text).trim();
  if (!isEmail(email) || HEADER_SPECIALS.test(email)) return null;
  if (named) {
    const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(name);
    if (quoted) name = quoted[1]!.replace(/\\(.)/g, '$1').trim();
    else if (HEADER_SPECIALS.test(name)) return null;
    if (!name) return null;
  }
  return { name, email };
};
