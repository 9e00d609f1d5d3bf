import type { SigningConsent, SigningLocale } from '../../../shared/contracts/signing';
import { sha256Hex } from './chain';

/**
 * What a signer agrees to before signing: that they sign electronically and mean it (intent),
 * that records of this agreement may be electronic (consent to electronic records under ESIGN and
 * UETA), and that they are the person named (identity, as eIDAS asks of a simple electronic
 * signature). The version is the SHA-256 of the exact words, so the trail proves which text was
 * shown; changing a word makes a new version and outstanding sign pages must be reloaded.
 */
const CONSENT_TEXT: Record<SigningLocale, string> = {
  en: [
    'By ticking the box and typing my full name, I sign this document electronically.',
    'I intend my typed name to be my signature, with the same effect as a handwritten signature.',
    'I agree to do business electronically: this document, my signature and the record of this signing are kept as electronic records, and I can download them at any time. I may ask the firm for a paper copy instead.',
    'I confirm that I am the person whose name and account are shown, that I signed in myself, and that I have read the whole document shown to me.',
    'This is a simple electronic signature (U.S. ESIGN Act and UETA; EU Regulation 910/2014, eIDAS). The time, my network address, my browser and the fingerprint (SHA-256) of the document are recorded with it.',
  ].join('\n\n'),
  de: [
    'Indem ich das Kästchen ankreuze und meinen vollständigen Namen eintippe, unterschreibe ich dieses Dokument elektronisch.',
    'Mein getippter Name soll meine Unterschrift sein, mit derselben Wirkung wie eine handschriftliche Unterschrift.',
    'Ich bin damit einverstanden, dass dieses Dokument, meine Unterschrift und das Protokoll dieser Unterzeichnung elektronisch aufbewahrt werden; ich kann sie jederzeit herunterladen. Auf Wunsch erhalte ich von der Kanzlei stattdessen eine Papierfassung.',
    'Ich bestätige, dass ich die Person bin, deren Name und Konto angezeigt werden, dass ich mich selbst angemeldet habe und dass ich das gesamte angezeigte Dokument gelesen habe.',
    'Dies ist eine einfache elektronische Signatur (EU-Verordnung 910/2014, eIDAS; U.S. ESIGN Act und UETA). Zeitpunkt, meine Netzwerkadresse, mein Browser und der Fingerabdruck (SHA-256) des Dokuments werden mit ihr aufgezeichnet.',
  ].join('\n\n'),
};

export const SIGNING_LOCALES = Object.keys(CONSENT_TEXT) as SigningLocale[];

export const consentFor = (locale: SigningLocale): SigningConsent => ({ locale, text: CONSENT_TEXT[locale], version: sha256Hex(CONSENT_TEXT[locale]) });

/** The consent whose version a signer sent back, in whichever language it was shown; null when none matches. */
export const consentByVersion = (version: string): SigningConsent | null => {
  const locale = SIGNING_LOCALES.find((candidate) => consentFor(candidate).version === version);
  return locale ? consentFor(locale) : null;
};

/** The consent's language for a locale such as de-CH: German for any German, English otherwise. */
export const signingLocaleOf = (locale: string | null | undefined): SigningLocale => ((locale ?? '').toLowerCase().startsWith('de') ? 'de' : 'en');
