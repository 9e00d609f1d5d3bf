import { createContext, useContext } from 'react';

import type { ClientOverview } from '../../../../shared/contracts/admin';

/** What the client page's panels need to change the client's records. */
export interface ClientEditing {
  client: ClientOverview['client'];
  contacts: ClientOverview['contacts'];
  /** Staff with the records permission; others see the records without controls to change them. */
  canManage: boolean;
  /** After a change: the page loads the client again, so every panel and the activity log show it. */
  onChanged: () => void;
}

const ClientEditingContext = createContext<ClientEditing | null>(null);

export const ClientEditingProvider = ClientEditingContext.Provider;

/** The editing controls of the client page; null where the records are only shown (the portal preview, a test). */
export const useClientEditing = () => {
  const editing = useContext(ClientEditingContext);
  return editing?.canManage ? editing : null;
};
