import type { ReactNode } from 'react';
import { Table, Tbody, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';

interface RecordTableProps {
  /** Column headings; an empty string is a column without a visible heading. */
  columns: string[];
  rowCount: number;
  children: ReactNode;
}

export const RecordTable = ({ columns, rowCount, children }: RecordTableProps) => (
  <Table colCount={columns.length} rowCount={rowCount + 1}>
    <Thead>
      <Tr>
        {columns.map((column, index) => (
          <Th key={`${column}-${index}`}>
            {column ? (
              <Typography variant="sigma" textColor="neutral600">
                {column}
              </Typography>
            ) : (
              <VisuallyHidden>{index}</VisuallyHidden>
            )}
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>{children}</Tbody>
  </Table>
);
