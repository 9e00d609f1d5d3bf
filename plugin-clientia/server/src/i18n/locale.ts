/** A BCP 47 tag Intl accepts ('de_CH' is read as 'de-CH'); anything unusable becomes 'en'. */
export const canonicalLocale = (locale: string | null | undefined): string => {
  try {
    return Intl.getCanonicalLocales((locale ?? '').trim().replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    return 'en';
  }
};

/** The primary language subtag of a locale, lower case: 'de' for 'de_CH', 'en' for an unusable one. */
export const primaryLanguage = (locale: string | null | undefined): string => canonicalLocale(locale).split('-')[0].toLowerCase();
