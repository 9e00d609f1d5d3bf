import de from './de';
import en from './en';

export const UI_LANGUAGES = ['en', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export type MessageKey = keyof typeof en;
/** Every language has every key: a missing translation fails the type check. */
export type Messages = Record<MessageKey, string>;

const DICTIONARIES: Record<UiLanguage, Messages> = { en, de };

export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', de: 'Deutsch' };

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
  const messages = DICTIONARIES[language];
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

export const uiLanguageOf = (tag: string | null | undefined): UiLanguage => {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (UI_LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as UiLanguage) : 'en';
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
    if (tag && (UI_LANGUAGES as readonly string[]).includes(primary)) return tag;
  }
  return validTag(fallback) ?? 'en';
};
