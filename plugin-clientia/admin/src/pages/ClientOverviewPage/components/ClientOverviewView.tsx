import { Flex } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../shared/contracts/admin';
import type { RecordControls } from '../recordControls';
import type { ContactSignInControls } from '../signIn';
import { ClientDetails } from './ClientDetails';
import { ClientRecords } from './ClientRecords';

interface ClientOverviewViewProps {
  overview: ClientOverview;
  /** Left out, the contacts show without their sign-in security. */
  signIn?: ContactSignInControls;
  /** Left out, the documents and threads show without uploads, downloads or new threads. */
  records?: RecordControls;
  /** The staff member may write invoices: the Invoices tab offers a new one. */
  canManageBilling?: boolean;
}

export const ClientOverviewView = ({ overview, signIn, records, canManageBilling }: ClientOverviewViewProps) => (
  <Flex direction="column" alignItems="stretch" gap={6}>
    <ClientDetails overview={overview} />
    <ClientRecords overview={overview} signIn={signIn} records={records} canManageBilling={canManageBilling} />
  </Flex>
);
