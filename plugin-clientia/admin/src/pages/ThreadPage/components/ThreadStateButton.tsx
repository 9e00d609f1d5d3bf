import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { ArrowClockwise, Check } from '@strapi/icons';

import { useTranslate } from '../../../utils/useTranslate';

interface ThreadStateButtonProps {
  state: 'open' | 'closed';
  onChange: (next: 'open' | 'closed') => Promise<void>;
}

export const ThreadStateButton = ({ state, onChange }: ThreadStateButtonProps) => {
  const { t } = useTranslate();
  const [busy, setBusy] = useState(false);
  const next = state === 'open' ? 'closed' : 'open';
  const change = async () => {
    setBusy(true);
    try {
      await onChange(next);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant={state === 'open' ? 'secondary' : 'default'}
      startIcon={state === 'open' ? <Check /> : <ArrowClockwise />}
      loading={busy}
      onClick={change}
    >
      {t(state === 'open' ? 'thread.close' : 'thread.reopen')}
    </Button>
  );
};
