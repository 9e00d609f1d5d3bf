import { createContext, useContext } from 'react';

/**
 * What the record panels of the client page may do, and how they tell the page a record
 * changed. The page provides it; without a provider (a panel shown on its own) nothing can be
 * changed.
 */
export interface ClientRecordsActions {
  canManageRecords: boolean;
  canManageBilling: boolean;
  /** Loads the client's overview again after a panel changed one of its records. */
  reload: () => void;
  /** Tells the staff member how a change went (the admin's notifications). */
  notify: (type: 'success' | 'danger', message: string) => void;
}

export const ClientRecordsContext = createContext<ClientRecordsActions>({
  canManageRecords: false,
  canManageBilling: false,
  reload: () => {},
  notify: () => {},
});

export const useClientRecordsActions = () => useContext(ClientRecordsContext);
