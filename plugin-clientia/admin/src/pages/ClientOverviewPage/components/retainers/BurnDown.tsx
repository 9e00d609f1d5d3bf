import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

import type { RetainerTimeView } from '../../../../../../shared/contracts/admin-billing';
import { formatDate } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import { formatHours } from '../../clientRecords';

interface BurnDownProps {
  burnDown: RetainerTimeView['burnDown'];
  includedHours: number | null;
}

const CHART_HEIGHT = 96;

/**
 * The period's billable hours, step by step: a small bar chart of the hours used to date against
 * the included ones, for the eye, and the same figures as a table, which is what assistive
 * technology reads (the chart is hidden from it).
 */
export const BurnDown = ({ burnDown, includedHours }: BurnDownProps) => {
  const { t, locale } = useTranslate();
  const { steps } = burnDown;
  const top = Math.max(includedHours ?? 0, ...steps.map((step) => step.usedToDate), 1);
  const hours = (value: number) => t('time.hours', { hours: formatHours(value, locale) });
  const range = (start: string, end: string) =>
    start === end ? (formatDate(start, locale) ?? start) : t('time.burnDown.range', { start: formatDate(start, locale) ?? start, end: formatDate(end, locale) ?? end });

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Box aria-hidden="true" position="relative" height={`${CHART_HEIGHT}px`} paddingTop={1} data-testid="burn-down-chart">
        {includedHours !== null ? (
          <Box
            position="absolute"
            left={0}
            right={0}
            borderColor="neutral500"
            style={{ top: `${(1 - includedHours / top) * CHART_HEIGHT}px`, borderTopStyle: 'dashed', borderTopWidth: 1 }}
          />
        ) : null}
        <Flex alignItems="flex-end" gap={2} height="100%">
          {steps.map((step) => {
            const over = includedHours !== null && step.usedToDate > includedHours;
            return (
              <Box
                key={step.start}
                flex="1"
                hasRadius
                background={step.future ? 'neutral150' : over ? 'danger500' : 'primary500'}
                style={{ height: `${Math.max(2, (step.usedToDate / top) * 100)}%` }}
              />
            );
          })}
        </Flex>
      </Box>
      <Table colCount={4} rowCount={steps.length + 1} aria-label={t(`time.burnDown.table.${burnDown.step}`)}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma" textColor="neutral600">
                {t(`time.burnDown.column.${burnDown.step}`)}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma" textColor="neutral600">
                {t('time.burnDown.column.hours')}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma" textColor="neutral600">
                {t('time.burnDown.column.usedToDate')}
              </Typography>
            </Th>
            <Th>
              <Typography variant="sigma" textColor="neutral600">
                {t('time.burnDown.column.remaining')}
              </Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {steps.map((step) => (
            <Tr key={step.start} data-future={step.future || undefined}>
              <Td>
                {/* Lighter for a step still to come, yet dark enough to read (the design system's neutral500 reads at 3:1). */}
                <Typography textColor={step.future ? 'neutral600' : 'neutral800'}>{range(step.start, step.end)}</Typography>
              </Td>
              <Td>
                <Typography>{hours(step.billableHours)}</Typography>
              </Td>
              <Td>
                <Typography>{hours(step.usedToDate)}</Typography>
              </Td>
              <Td>
                <Typography textColor={step.remaining !== null && step.remaining < 0 ? 'danger600' : 'neutral800'}>
                  {step.remaining === null
                    ? t('common.none')
                    : step.remaining < 0
                      ? t('time.over', { hours: formatHours(-step.remaining, locale) })
                      : hours(step.remaining)}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Flex>
  );
};
