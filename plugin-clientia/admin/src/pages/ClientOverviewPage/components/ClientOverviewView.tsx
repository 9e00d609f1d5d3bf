import { Flex } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../shared/contracts/admin';
import { ClientDetails } from './ClientDetails';
import { ClientRecords } from './ClientRecords';

export const ClientOverviewView = ({ overview }: { overview: ClientOverview }) => (
  <Flex direction="column" alignItems="stretch" gap={6}>
    <ClientDetails overview={overview} />
    <ClientRecords overview={overview} />
  </Flex>
);
