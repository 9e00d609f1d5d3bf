/**
 * The Inbox's count in the plugin's menu follows what the pages do: opening a thread reads it,
 * closing one takes it off the list. The pages say so with this event; the menu counts again.
 */
const INBOX_CHANGED = 'clientia:inbox-changed';

export const inboxChanged = () => window.dispatchEvent(new Event(INBOX_CHANGED));

export const onInboxChanged = (listener: () => void) => {
  window.addEventListener(INBOX_CHANGED, listener);
  return () => window.removeEventListener(INBOX_CHANGED, listener);
};
