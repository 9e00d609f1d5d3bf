import { useEffect, useState } from 'react';

import type { FirmOverview } from '../../../../../shared/contracts/overview';
import { clientiaApi } from '../../../api/client';

type OverviewState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; overview: FirmOverview };

export const useOverview = (): OverviewState => {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    clientiaApi
      .getOverview()
      .then((overview) => live && setState({ status: 'ready', overview }))
      .catch(() => live && setState({ status: 'error' }));
    return () => {
      live = false;
    };
  }, []);

  return state;
};
