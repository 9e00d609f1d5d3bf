import { Typography } from '@strapi/design-system';

import { useTranslate } from '../../../utils/useTranslate';
import { shortHash } from '../signing';

const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

interface HashValueProps {
  hash: string | null | undefined;
  /** The whole value, for the one place a reader compares it character by character. */
  full?: boolean;
}

/** A SHA-256 in a fixed-width face; shortened, it keeps the whole value as its tooltip. */
export const HashValue = ({ hash, full = false }: HashValueProps) => {
  const { t } = useTranslate();
  if (!hash) return <Typography textColor="neutral500">{t('common.none')}</Typography>;
  return (
    <Typography tag="code" title={hash} data-hash={hash} style={{ fontFamily: MONOSPACE, overflowWrap: 'anywhere' }}>
      {full ? hash : shortHash(hash)}
    </Typography>
  );
};
