import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';

import { clientiaApi } from '../api/client';
import { onInboxChanged } from '../utils/inboxEvents';

/** Clients write while the panel is open; the count is asked again at least this often. */
const REFRESH_MS = 60_000;

/**
 * How many open threads await the firm, for the menu: asked on every page change, when a page says
 * the inbox changed, when the window gets the focus back, and every minute. Null until known (or
 * when it cannot be asked): the menu then shows no count rather than a wrong one.
 */
export const useAwaitingThreads = () => {
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    clientiaApi
      .countAwaitingThreads()
      .then((threads) => current && setCount(threads))
      .catch(() => current && setCount(null));
    return () => {
      current = false;
    };
  }, [pathname, asked]);

  useEffect(() => {
    const askAgain = () => setAsked((n) => n + 1);
    const stopListening = onInboxChanged(askAgain);
    const timer = window.setInterval(askAgain, REFRESH_MS);
    window.addEventListener('focus', askAgain);
    return () => {
      stopListening();
      window.clearInterval(timer);
      window.removeEventListener('focus', askAgain);
    };
  }, []);

  return count;
};
