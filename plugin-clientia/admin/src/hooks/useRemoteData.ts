import { useCallback, useEffect, useRef, useState } from 'react';

type RemoteData<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'error'; data: T | null; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Loads once per `key` (the serialised request) and keeps the last answer while a new one is
 * on its way, so a list does not flash empty between pages. `reload` asks again with the
 * same key, e.g. after a change the page made itself.
 */
export const useRemoteData = <T>(key: string, load: () => Promise<T>) => {
  const [state, setState] = useState<RemoteData<T>>({ status: 'loading', data: null });
  const [attempt, setAttempt] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    let current = true;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    loader
      .current()
      .then((data) => {
        if (current) setState({ status: 'ready', data });
      })
      .catch((error: unknown) => {
        if (current) setState((previous) => ({ status: 'error', data: previous.data, error }));
      });
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);

  return { state, reload, replace };
};
