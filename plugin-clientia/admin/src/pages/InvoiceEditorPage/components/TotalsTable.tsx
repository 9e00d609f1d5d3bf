import { Box, Typography } from '@strapi/design-system';

import type { Money } from '../../../../../shared/contracts/money';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';

export interface TotalRow {
  label: string;
  money: Money;
  /** The figure the reader is after: the total, what is still due. */
  emphasis?: boolean;
}

/** Totals as a two-column table, so each figure is read out with its label. */
export const TotalsTable = ({ title, rows, note }: { title: string; rows: TotalRow[]; note?: string | null }) => {
  const { locale } = useTranslate();
  return (
    <Box tag="section" aria-label={title} background="neutral100" hasRadius padding={4} style={{ minWidth: '18rem' }}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      <Box tag="table" marginTop={2} width="100%" style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <Box tag="th" scope="row" paddingTop={1} paddingBottom={1} paddingRight={4} style={{ textAlign: 'start', fontWeight: 'normal' }}>
                <Typography fontWeight={row.emphasis ? 'bold' : 'regular'}>{row.label}</Typography>
              </Box>
              <Box tag="td" paddingTop={1} paddingBottom={1} style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                <Typography fontWeight={row.emphasis ? 'bold' : 'regular'}>{formatMoney(row.money, locale)}</Typography>
              </Box>
            </tr>
          ))}
        </tbody>
      </Box>
      {note ? (
        <Box marginTop={2}>
          <Typography variant="pi" textColor="neutral600">
            {note}
          </Typography>
        </Box>
      ) : null}
    </Box>
  );
};
