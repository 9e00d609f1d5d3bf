import { Flex } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../shared/contracts/admin';
import type { ContactSignInControls } from '../signIn';
import { ClientDetails } from './ClientDetails';
import { ClientRecords } from './ClientRecords';

interface ClientOverviewViewProps {
  overview: ClientOverview;
  /** Left out, the contacts show without their sign-in security. */
  signIn?: ContactSignInControls;
}

export const ClientOverviewView = ({ overview, signIn }: ClientOverviewViewProps) => (
  <Flex direction="column" alignItems="stretch" gap={6}>
    <ClientDetails overview={overview} />
    <ClientRecords overview={overview} signIn={signIn} />
  </Flex>
);
