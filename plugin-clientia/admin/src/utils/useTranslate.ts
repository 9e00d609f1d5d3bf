import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';

import type en from '../translations/en.json';
import { getTranslation } from './getTranslation';

export type TranslationKey = keyof typeof en;
type MessageValues = Record<string, string | number | Date>;

const humanize = (value: string) => value.replace(/[_-]+/g, ' ');

/**
 * The plugin's messages by their unprefixed key. `label` names a value the server sends
 * (a state, a kind) and falls back to the raw value when no translation exists for it yet.
 */
export const useTranslate = () => {
  const intl = useIntl();
  const { formatMessage, messages, locale } = intl;

  const t = useCallback(
    (key: TranslationKey, values?: MessageValues) => formatMessage({ id: getTranslation(key) }, values),
    [formatMessage]
  );

  const label = useCallback(
    (group: string, value: string) => {
      const id = getTranslation(`${group}.${value}`);
      return id in messages ? formatMessage({ id }) : humanize(value);
    },
    [formatMessage, messages]
  );

  return useMemo(() => ({ t, label, locale }), [t, label, locale]);
};
