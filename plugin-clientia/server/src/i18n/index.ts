/**
 * The languages of the server's emails and documents: the message catalogues shipped in the
 * plugin package (`server/catalogues`), found from wherever this code runs. See ./catalogues.
 */
import { createCatalogues, defaultCatalogueRoot, type Catalogues, type Surface, type Translator } from './catalogues';

export { canonicalLocale } from './locale';
export {
  FALLBACK_LANGUAGE,
  SURFACES,
  createCatalogues,
  defaultCatalogueRoot,
  findCatalogueRoot,
  type Surface,
  type Translator,
} from './catalogues';

let shipped: Catalogues | null = null;

/** The catalogues shipped with the plugin, found on first use. */
export const catalogues = (): Catalogues => (shipped ??= createCatalogues(defaultCatalogueRoot()));

/** The language a locale's texts are written in: its primary subtag when there is a catalogue for it, else 'en'. */
export const languageOf = (locale: string | null | undefined): string => catalogues().languageOf(locale);

/**
 * The texts of one surface in the language of `locale`. `K` names the surface's keys (its key
 * list, kept in step with the English catalogue by a test), so an unknown key fails the type check.
 */
export const translator = <K extends string = string>(surface: Surface, locale: string | null | undefined): Translator<K> =>
  catalogues().translator<K>(surface, locale);

/** Reads every shipped catalogue: called when the plugin registers, so a package without them does not start. */
export const loadCatalogues = (): void => catalogues().loadAll();
