/**
 * The texts the server writes to people (emails, the labels of invoices and statements) come from
 * message catalogues: one JSON file per language and surface, `server/catalogues/<language>/<surface>.json`,
 * each a flat object of dotted keys and texts with `{placeholders}`. Plural forms are `key.one`,
 * `key.other` (and whatever else Intl.PluralRules names for the language). The languages are the
 * folders found there, so a language is added by adding its folder; English is the fallback for a
 * missing language and for a key a language lacks.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { canonicalLocale, primaryLanguage } from './locale';

/** The kinds of text the server writes; each language has one catalogue file per surface. */
export const SURFACES = ['email', 'documents'] as const;
export type Surface = (typeof SURFACES)[number];

/** The language every other falls back to; its catalogues are the reference for every other. */
export const FALLBACK_LANGUAGE = 'en';

const PACKAGE_NAME = 'strapi-plugin-clientia';
const CATALOGUE_FOLDER = path.join('server', 'catalogues');
/** A language folder is named by its primary language subtag: 'de', 'fr', 'gsw'. */
const LANGUAGE_FOLDER = /^[a-z]{2,3}$/;

export type Vars = Record<string, string | number>;

/** The keys of a surface whose plural forms are `key.one`, `key.other`, …: `key` is what `plural` takes. */
export type PluralKey<K extends string> = string extends K ? string : K extends `${infer Base}.other` ? Base : never;

export interface Translator<K extends string = string> {
  /** The text of `key` in this language (else English), with each `{name}` replaced by `vars.name`. */
  (key: K, vars?: Vars): string;
  /** Picks `key.one`, `key.other`, … by the count (Intl plural rules), with `{count}` filled in. */
  plural(key: PluralKey<K>, count: number, vars?: Vars): string;
  /** The language whose catalogue is used: a known language, or 'en'. */
  language: string;
  /** The canonical BCP 47 tag, for Intl formatting: 'de-CH'. */
  locale: string;
}

export interface Catalogues {
  /** The folder the catalogues were found in. */
  root: string;
  /** The languages found, sorted; English always among them. */
  languages(): string[];
  /** The language texts are written in for a locale: its primary subtag when known, else 'en'. */
  languageOf(locale: string | null | undefined): string;
  /** The texts of one surface in the language of `locale`; `K` narrows the keys to the surface's key list. */
  translator<K extends string = string>(surface: Surface, locale: string | null | undefined): Translator<K>;
  /** Reads every catalogue now (they are otherwise read on first use), so a broken file fails early. */
  loadAll(): void;
}

type Catalogue = Readonly<Record<string, string>>;

const isPluginPackage = (dir: string) => {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
};

/**
 * The catalogue folder of the plugin package `from` lies in: up from `from` to the plugin's own
 * package.json, then `server/catalogues`. `from` is this module's folder, `server/src/i18n` when the
 * TypeScript sources run (tests) and `dist/server` in the built bundle Strapi loads.
 */
export const findCatalogueRoot = (from: string): string => {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (isPluginPackage(dir)) return path.join(dir, CATALOGUE_FOLDER);
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`no ${PACKAGE_NAME} package.json above ${from}: the message catalogues (${CATALOGUE_FOLDER}) cannot be found`);
};

/** Where this module runs from; where there is no __dirname (an ES module build), the package as the app resolves it. */
export const defaultCatalogueRoot = (): string => {
  if (typeof __dirname === 'string') return findCatalogueRoot(__dirname);
  const manifest = createRequire(path.join(process.cwd(), 'package.json')).resolve(`${PACKAGE_NAME}/package.json`);
  return findCatalogueRoot(path.dirname(manifest));
};

const readCatalogue = (file: string): Catalogue => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`message catalogue ${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`message catalogue ${file} is not an object of texts`);
  for (const [key, text] of Object.entries(parsed)) {
    if (typeof text !== 'string') throw new Error(`message catalogue ${file}: "${key}" is not a text`);
  }
  return Object.freeze({ ...(parsed as Record<string, string>) });
};

/** Each `{name}` replaced by `vars.name` in one pass, so a value that itself holds braces is never read as a placeholder. */
const fill = (text: string, vars: Vars = {}) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole));

/** Locales come from stored preferences and requests: a bounded number of translators is kept. */
const MAX_TRANSLATORS = 200;

/** The catalogues under `root`: the languages are read from its folders once, each file on first use. */
export const createCatalogues = (root: string): Catalogues => {
  let found: string[] | null = null;
  const languages = () => {
    if (found) return found;
    let entries: string[];
    try {
      entries = readdirSync(root);
    } catch (error) {
      throw new Error(`the message catalogues cannot be read from ${root}: ${(error as Error).message}`);
    }
    const folders = entries.filter((name) => LANGUAGE_FOLDER.test(name) && statSync(path.join(root, name)).isDirectory()).sort();
    if (!folders.includes(FALLBACK_LANGUAGE)) throw new Error(`the message catalogues in ${root} have no ${FALLBACK_LANGUAGE}/ folder, the language every other falls back to`);
    found = folders;
    return found;
  };

  const loaded = new Map<string, Catalogue>();
  const catalogue = (language: string, surface: Surface): Catalogue => {
    const id = `${language}/${surface}`;
    let texts = loaded.get(id);
    if (!texts) {
      texts = readCatalogue(path.join(root, language, `${surface}.json`));
      loaded.set(id, texts);
    }
    return texts;
  };

  const languageOf = (locale: string | null | undefined) => {
    const primary = primaryLanguage(locale);
    return languages().includes(primary) ? primary : FALLBACK_LANGUAGE;
  };

  const makeTranslator = (surface: Surface, locale: string | null | undefined): Translator => {
    const tag = canonicalLocale(locale);
    const language = languageOf(tag);
    const own = catalogue(language, surface);
    const fallback = catalogue(FALLBACK_LANGUAGE, surface);
    const lookup = (key: string) => own[key] ?? fallback[key];
    // The plural forms are those of the catalogue's language: a locale without one reads English forms.
    const rules = new Intl.PluralRules(language === primaryLanguage(tag) ? tag : FALLBACK_LANGUAGE);
    const fallbackRules = new Intl.PluralRules(FALLBACK_LANGUAGE);
    const counts = new Intl.NumberFormat(tag);
    const t = ((key: string, vars?: Vars) => fill(lookup(key) ?? key, vars)) as Translator;
    t.plural = (key: string, count: number, vars?: Vars) => {
      const text =
        own[`${key}.${rules.select(count)}`] ??
        own[`${key}.other`] ??
        fallback[`${key}.${fallbackRules.select(count)}`] ??
        fallback[`${key}.other`] ??
        key;
      return fill(text, { count: counts.format(count), ...vars });
    };
    t.language = language;
    t.locale = tag;
    return t;
  };

  const translators = new Map<string, Translator>();
  const translator = <K extends string = string>(surface: Surface, locale: string | null | undefined): Translator<K> => {
    const id = `${surface} ${locale ?? ''}`;
    let made = translators.get(id);
    if (!made) {
      made = makeTranslator(surface, locale);
      if (translators.size < MAX_TRANSLATORS) translators.set(id, made);
    }
    // The same function for any key list: K only narrows what callers may ask for.
    return made as unknown as Translator<K>;
  };

  return {
    root,
    languages: () => [...languages()],
    languageOf,
    translator,
    loadAll() {
      for (const language of languages()) for (const surface of SURFACES) catalogue(language, surface);
      for (const surface of SURFACES) {
        if (Object.keys(catalogue(FALLBACK_LANGUAGE, surface)).length === 0) throw new Error(`the message catalogue ${path.join(root, FALLBACK_LANGUAGE, `${surface}.json`)} is missing or empty`);
      }
    },
  };
};
