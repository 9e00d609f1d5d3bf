/**
 * The portal's languages. Each is a folder here named by its language code (en, de...), found at
 * build time: its index.ts exports every text as default, and as `locales` the regional variants
 * the account page offers. English (en/) defines the keys; every other language types its
 * sections `Section<typeof en...>`, so a missing key fails the type check, and its index.ts adds
 * its code to `UiLanguages`. Adding a language is adding its folder.
 */
import en from './en';

export type MessageKey = keyof typeof en;
/** Every language has every key: a missing translation fails the type check. */
export type Messages = Record<MessageKey, string>;

/**
 * The languages the portal speaks, by code; each language folder's index.ts adds its own.
 * @public (extended by each language folder through declaration merging)
 */
export interface UiLanguages {
  en: true;
}
export type UiLanguage = keyof UiLanguages;

interface LanguageFolder {
  default: Messages;
  locales: readonly string[];
}

const folders = import.meta.glob<LanguageFolder>('./*/index.ts', { eager: true });

/** English first (every other language falls back to it), then the others by code. */
const LANGUAGES = Object.entries(folders)
  .map(([path, folder]) => ({ code: path.split('/')[1] as UiLanguage, ...folder }))
  .sort((a, b) => Number(b.code === 'en') - Number(a.code === 'en') || a.code.localeCompare(b.code));

const DICTIONARIES = new Map<string, Messages>(LANGUAGES.map((language) => [language.code, language.default]));

/** The locales a contact may choose (a language, or a language with its region), in the order the account page lists them. */
export const OFFERED_LOCALES: readonly string[] = LANGUAGES.flatMap((language) => language.locales);

export type Vars = Record<string, string | number>;

export interface Translator {
  (key: MessageKey, vars?: Vars): string;
  /** Picks `key.one` or `key.other` by the count (Intl plural rules), with {count} filled in. */
  plural(key: string, count: number, vars?: Vars): string;
  language: UiLanguage;
  /** BCP 47 tag for Intl formatting, e.g. de-CH. */
  locale: string;
}

const fill = (template: string, vars: Vars = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** A translator holds nothing per request: one per locale is kept (up to a bound, as locales come from browsers). */
const translators = new Map<string, Translator>();
const MAX_TRANSLATORS = 200;

export const translator = (locale: string): Translator => {
  const known = translators.get(locale);
  if (known) return known;
  const made = makeTranslator(locale);
  if (translators.size < MAX_TRANSLATORS) translators.set(locale, made);
  return made;
};

const makeTranslator = (locale: string): Translator => {
  const language = uiLanguageOf(locale);
  const messages = DICTIONARIES.get(language) ?? en;
  const rules = new Intl.PluralRules(locale);
  const counts = new Intl.NumberFormat(locale);
  const t = ((key: MessageKey, vars?: Vars) => fill(messages[key] ?? en[key] ?? key, vars)) as Translator;
  t.plural = (key, count, vars) => {
    const exact = `${key}.${rules.select(count)}` as MessageKey;
    const chosen = exact in messages ? exact : (`${key}.other` as MessageKey);
    return fill(messages[chosen] ?? key, { count: counts.format(count), ...vars });
  };
  t.language = language;
  t.locale = locale;
  return t;
};

/**
 * A translated sentence cut where one of its placeholders goes, so a page can put an element
 * (a link) there: the words around it stay in each language's own order, and no HTML is built
 * from translated text.
 */
export const sentenceAround = (t: Translator, key: MessageKey, slot: string, vars: Vars = {}): [before: string, after: string] => {
  const marker = '\u0000';
  const [before = '', after = ''] = t(key, { ...vars, [slot]: marker }).split(marker);
  return [before, after];
};

const uiLanguageOf = (tag: string | null | undefined): UiLanguage => {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return DICTIONARIES.has(primary ?? '') ? (primary as UiLanguage) : 'en';
};

const validTag = (tag: string): string | null => {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
};

/** The languages of an Accept-Language header, most wanted first. */
export const acceptedLanguages = (header: string | null): string[] =>
  (header ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag?.trim() ?? '', q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);

/**
 * The locale for a page: the contact's own choice first, then the browser's languages we speak,
 * then the firm's default. Returned as a full tag (de-CH) so dates and money follow the region.
 */
export const chooseLocale = (preference: string | null | undefined, acceptLanguage: string | null, fallback: string): string => {
  if (preference) {
    const tag = validTag(preference);
    if (tag) return tag;
  }
  for (const wanted of acceptedLanguages(acceptLanguage)) {
    const tag = validTag(wanted);
    const primary = tag?.toLowerCase().split('-')[0] ?? '';
    if (tag && DICTIONARIES.has(primary)) return tag;
  }
  return validTag(fallback) ?? 'en';
};
