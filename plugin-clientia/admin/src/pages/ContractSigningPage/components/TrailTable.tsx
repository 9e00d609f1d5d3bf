import { Flex, Td, Tr, Typography } from '@strapi/design-system';

import type { AdminSignatureEvent } from '../../../../../shared/contracts/signing';
import { RecordTable } from '../../../components/RecordTable';
import { EmptyNote } from '../../../components/Section';
import { useTranslate } from '../../../utils/useTranslate';
import { formatUtc } from '../signing';
import { HashValue } from './HashValue';
import { ToneBadge } from '../../../components/ToneBadge';

interface TrailTableProps {
  events: AdminSignatureEvent[];
  /** Positions (0-based) a verification found something wrong with. */
  flagged?: ReadonlySet<number>;
}

/** Every event of the trail in the order it was chained, with what it recorded about who and how. */
export const TrailTable = ({ events, flagged }: TrailTableProps) => {
  const { t, label } = useTranslate();
  const none = t('common.none');
  if (events.length === 0) return <EmptyNote>{t('signing.trail.empty')}</EmptyNote>;

  return (
    <RecordTable
      columns={[
        t('signing.column.position'),
        t('signing.column.event'),
        t('signing.column.occurredAt'),
        t('signing.column.actor'),
        t('signing.column.ip'),
        t('signing.column.authMethod'),
        t('signing.column.documentHash'),
        t('signing.column.hash'),
        t('signing.column.previousHash'),
      ]}
      rowCount={events.length}
    >
      {events.map((event, index) => (
        <Tr key={`${index}-${event.hash}`} data-event={event.type} data-flagged={flagged?.has(index) ? true : undefined}>
          <Td>
            <Flex gap={2}>
              <Typography>{index + 1}</Typography>
              {flagged?.has(index) ? <ToneBadge tone="danger">{t('signing.trail.flagged')}</ToneBadge> : null}
            </Flex>
          </Td>
          <Td>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography fontWeight="semiBold">{label('signing.event', event.type)}</Typography>
              {event.contractVersion > 1 ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('signing.trail.version', { version: event.contractVersion })}
                </Typography>
              ) : null}
              {event.reason ? (
                <Typography variant="pi" textColor="danger600">
                  {t('signing.trail.reason', { reason: event.reason })}
                </Typography>
              ) : null}
            </Flex>
          </Td>
          <Td>
            <Typography style={{ whiteSpace: 'nowrap' }}>{formatUtc(event.occurredAt)}</Typography>
          </Td>
          <Td>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography>{event.actor ?? t('signing.trail.firm')}</Typography>
              {event.email && event.email !== event.actor ? (
                <Typography variant="pi" textColor="neutral600">
                  {event.email}
                </Typography>
              ) : null}
            </Flex>
          </Td>
          <Td>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography>{event.ip ?? none}</Typography>
              {event.userAgent ? (
                <Typography
                  variant="pi"
                  textColor="neutral600"
                  title={event.userAgent}
                  ellipsis
                  style={{ maxWidth: '16rem', display: 'block' }}
                >
                  {event.userAgent}
                </Typography>
              ) : null}
            </Flex>
          </Td>
          <Td>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <Typography>{event.authMethod ? label('signing.authMethod', event.authMethod) : none}</Typography>
              {event.sessionHash ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('signing.trail.session')} <HashValue hash={event.sessionHash} />
                </Typography>
              ) : null}
            </Flex>
          </Td>
          <Td>
            <HashValue hash={event.documentHash} />
          </Td>
          <Td>
            <HashValue hash={event.hash} />
          </Td>
          <Td>
            <HashValue hash={event.previousHash} />
          </Td>
        </Tr>
      ))}
    </RecordTable>
  );
};
