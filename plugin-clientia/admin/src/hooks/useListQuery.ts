import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list page's filters and page live in the URL, so a filtered view can be bookmarked, shared
 * and survives a reload. Changing a filter goes back to the first page.
 */
/** `filterKeys` should be a module-level constant, so the filters are not recomputed on each render. */
export const useListQuery = <K extends string>(filterKeys: readonly K[]) => {
  const [search, setSearch] = useSearchParams();

  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const filters = useMemo(
    () => Object.fromEntries(filterKeys.map((key) => [key, search.get(key) ?? ''])) as Record<K, string>,
    [search, filterKeys]
  );

  const setFilter = useCallback(
    (key: K, value: string) => {
      setSearch((previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
        return next;
      });
    },
    [setSearch]
  );

  const pageHref = useCallback(
    (target: number) => {
      const next = new URLSearchParams(search);
      if (target > 1) next.set('page', String(target));
      else next.delete('page');
      const query = next.toString();
      return query ? `?${query}` : '?';
    },
    [search]
  );

  return { page, filters, setFilter, pageHref };
};
