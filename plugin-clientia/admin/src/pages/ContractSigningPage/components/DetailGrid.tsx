import type { ReactNode } from 'react';
import { Grid, Typography } from '@strapi/design-system';

export type Detail = [term: string, value: ReactNode];

/** Terms and their values as a definition list, three to a row on a wide screen. */
export const DetailGrid = ({ details }: { details: Detail[] }) => (
  <Grid.Root gap={5} tag="dl">
    {details.map(([term, value]) => (
      // The grid's item is the group a definition list may hold: a <div> of <dt> and <dd>, nothing between.
      <Grid.Item key={term} col={4} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600" tag="dt">
          {term}
        </Typography>
        <Typography tag="dd" style={{ overflowWrap: 'anywhere', maxWidth: '100%' }}>
          {value}
        </Typography>
      </Grid.Item>
    ))}
  </Grid.Root>
);
