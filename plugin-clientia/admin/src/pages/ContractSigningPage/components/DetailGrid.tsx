import type { ReactNode } from 'react';
import { Flex, Grid, Typography } from '@strapi/design-system';

export type Detail = [term: string, value: ReactNode];

/** Terms and their values as a definition list, three to a row on a wide screen. */
export const DetailGrid = ({ details }: { details: Detail[] }) => (
  <Grid.Root gap={5} tag="dl">
    {details.map(([term, value]) => (
      <Grid.Item key={term} col={4} s={6} xs={12} alignItems="flex-start">
        <Flex direction="column" alignItems="flex-start" gap={1} maxWidth="100%">
          <Typography variant="sigma" textColor="neutral600" tag="dt">
            {term}
          </Typography>
          <Typography tag="dd" style={{ overflowWrap: 'anywhere', maxWidth: '100%' }}>
            {value}
          </Typography>
        </Flex>
      </Grid.Item>
    ))}
  </Grid.Root>
);
