import type { ReactNode } from 'react';
import { Box, Button, Field, Flex, IconButton, TextInput, Typography, VisuallyHidden } from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';

import { lineTotals } from '../../../../../shared/money';
import { EmptyNote } from '../../../components/Section';
import { formatMoney } from '../../../utils/money';
import { useTranslate, type TranslationKey } from '../../../utils/useTranslate';
import {
  blankLine,
  moveLine,
  priceDecimals,
  readLine,
  type DecimalSeparator,
  type EditorLine,
  type LineField,
  type LineProblem,
} from '../invoiceForm';

interface LineItemsEditorProps {
  lines: EditorLine[];
  /** The currency prices are read in; null while the typed one is not a valid code. */
  currency: string | null;
  separator: DecimalSeparator;
  errors: Record<string, Partial<Record<LineField, LineProblem>>>;
  disabled: boolean;
  onChange: (lines: EditorLine[]) => void;
}

const PROBLEM_KEYS: Record<LineProblem, TranslationKey> = {
  required: 'invoiceEditor.error.required',
  tooLong: 'invoiceEditor.error.tooLong',
  quantity: 'invoiceEditor.error.quantity',
  unitPrice: 'invoiceEditor.error.unitPrice',
  taxRate: 'invoiceEditor.error.taxRate',
};

/** Wide enough for what is typed in each: "1,234,567.89" in a price, "7.25" in a rate. */
const MIN_WIDTHS: Record<LineField, string> = { description: '14rem', quantity: '5.5rem', unitPrice: '8.5rem', taxRate: '5rem' };

/** Every cell the same: the table's first column would otherwise sit higher than the rest, and errors grow downwards. */
const CELL = { verticalAlign: 'top', textAlign: 'start' } as const;

/**
 * A plain table, not the design system's: that one is an ARIA grid, where Tab stops once in the
 * whole table and each field is reached with the arrow keys and opened with Enter. A form's fields
 * belong in the Tab order, one after the other, as staff type a line.
 */
const Cell = ({ children, heading = false }: { children: ReactNode; heading?: boolean }) => (
  <Box tag={heading ? 'th' : 'td'} scope={heading ? 'col' : undefined} paddingLeft={3} paddingRight={3} paddingTop={heading ? 3 : 4} paddingBottom={heading ? 3 : 4} style={CELL}>
    {children}
  </Box>
);

const LABEL_KEYS: Record<LineField, TranslationKey> = {
  description: 'invoiceEditor.line.descriptionLabel',
  quantity: 'invoiceEditor.line.quantityLabel',
  unitPrice: 'invoiceEditor.line.unitPriceLabel',
  taxRate: 'invoiceEditor.line.taxRateLabel',
};

/** The lines of a draft: typed in the staff member's own number format, each with its net amount as it will be stored. */
export const LineItemsEditor = ({ lines, currency, separator, errors, disabled, onChange }: LineItemsEditorProps) => {
  const { t, locale } = useTranslate();
  const code = currency ?? '—';
  const edit = (key: string, field: LineField, value: string) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, [field]: value } : line)));

  const input = (line: EditorLine, index: number, field: LineField) => {
    const problem = errors[line.key]?.[field];
    return (
      <Box style={{ minWidth: MIN_WIDTHS[field] }}>
        <Field.Root
          name={`lineItems.${index}.${field}`}
          error={problem ? t(PROBLEM_KEYS[problem], { currency: code, decimals: priceDecimals(currency) }) : undefined}
        >
          {/* The column heading names the field for sighted staff; the label names it and its line for everyone. */}
          <TextInput
            aria-label={t(LABEL_KEYS[field], { line: index + 1, currency: code })}
            value={line[field]}
            disabled={disabled}
            inputMode={field === 'description' ? undefined : 'decimal'}
            autoComplete="off"
            onChange={(event) => edit(line.key, field, event.target.value)}
          />
          <Field.Error />
        </Field.Root>
      </Box>
    );
  };

  const net = (line: EditorLine) => {
    const read = readLine(line, currency, separator);
    return read.item && currency ? formatMoney({ amount: Number(lineTotals(read.item).net), currency }, locale) : t('common.none');
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {lines.length === 0 ? (
        <EmptyNote>{t('invoiceEditor.noLines')}</EmptyNote>
      ) : (
        <Box background="neutral0" hasRadius borderColor="neutral150" borderStyle="solid" borderWidth="1px" overflow="auto">
          <Box tag="table" width="100%" style={{ borderCollapse: 'collapse' }}>
            <thead>
              <Box tag="tr" borderColor="neutral150" borderStyle="solid" borderWidth="0 0 1px 0">
                {(['invoiceEditor.line.description', 'invoiceEditor.line.quantity', 'invoiceEditor.line.unitPrice', 'invoiceEditor.line.taxRate', 'invoiceEditor.line.amount'] as const).map(
                  (key) => (
                    <Cell key={key} heading>
                      <Typography variant="sigma" textColor="neutral600">
                        {t(key, { currency: code })}
                      </Typography>
                    </Cell>
                  )
                )}
                <Cell heading>
                  <VisuallyHidden>{t('invoiceEditor.actions')}</VisuallyHidden>
                </Cell>
              </Box>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <Box tag="tr" key={line.key} data-line={index + 1} borderColor="neutral150" borderStyle="solid" borderWidth={index === lines.length - 1 ? '0' : '0 0 1px 0'}>
                  <Cell>{input(line, index, 'description')}</Cell>
                  <Cell>{input(line, index, 'quantity')}</Cell>
                  <Cell>{input(line, index, 'unitPrice')}</Cell>
                  <Cell>{input(line, index, 'taxRate')}</Cell>
                  <Cell>
                    <Box paddingTop={3} style={{ whiteSpace: 'nowrap' }}>
                      <Typography data-net>{net(line)}</Typography>
                    </Box>
                  </Cell>
                  <Cell>
                    <Flex gap={1}>
                      <IconButton
                        label={t('invoiceEditor.line.moveUp', { line: index + 1 })}
                        variant="ghost"
                        disabled={disabled || index === 0}
                        onClick={() => onChange(moveLine(lines, index, -1))}
                      >
                        <ArrowUp />
                      </IconButton>
                      <IconButton
                        label={t('invoiceEditor.line.moveDown', { line: index + 1 })}
                        variant="ghost"
                        disabled={disabled || index === lines.length - 1}
                        onClick={() => onChange(moveLine(lines, index, 1))}
                      >
                        <ArrowDown />
                      </IconButton>
                      <IconButton
                        label={t('invoiceEditor.line.remove', { line: index + 1 })}
                        variant="ghost"
                        disabled={disabled}
                        onClick={() => onChange(lines.filter((other) => other.key !== line.key))}
                      >
                        <Trash />
                      </IconButton>
                    </Flex>
                  </Cell>
                </Box>
              ))}
            </tbody>
          </Box>
        </Box>
      )}
      <Box>
        <Button variant="secondary" startIcon={<Plus />} disabled={disabled} onClick={() => onChange([...lines, blankLine()])}>
          {t('invoiceEditor.addLine')}
        </Button>
      </Box>
    </Flex>
  );
};
