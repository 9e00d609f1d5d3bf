import { Badge, Td, Tr, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { formatDate } from '../../../../utils/dates';
import { useTranslate } from '../../../../utils/useTranslate';
import { contactStatus } from '../../clientRecords';

const STATUS_TONE = { active: 'success', invited: 'secondary', blocked: 'danger' } as const;

export const ContactsPanel = ({ contacts }: { contacts: ClientOverview['contacts'] }) => {
  const { t, label, locale } = useTranslate();
  if (contacts.length === 0) return <EmptyNote>{t('client.contacts.empty')}</EmptyNote>;
  return (
    <RecordTable
      columns={[t('column.name'), t('column.email'), t('column.role'), t('column.signatory'), t('column.status')]}
      rowCount={contacts.length}
    >
      {contacts.map((contact) => {
        const status = contactStatus(contact);
        return (
          <Tr key={contact.membershipId}>
            <Td>
              <Typography fontWeight="semiBold">{contact.name}</Typography>
            </Td>
            <Td>
              <Typography>{contact.email}</Typography>
            </Td>
            <Td>
              <Typography>{label('role', contact.role)}</Typography>
            </Td>
            <Td>
              {contact.signatory ? (
                <Typography textColor="success600" fontWeight="semiBold">
                  {t('client.contacts.signatory')}
                </Typography>
              ) : (
                <Typography textColor="neutral500">{t('common.no')}</Typography>
              )}
            </Td>
            <Td>
              <Badge variant={STATUS_TONE[status]}>{t(`client.contacts.status.${status}`)}</Badge>{' '}
              {status === 'invited' && contact.invitedAt ? (
                <Typography variant="pi" textColor="neutral600">
                  {t('client.contacts.invitedOn', { date: formatDate(contact.invitedAt, locale) ?? '' })}
                </Typography>
              ) : null}
            </Td>
          </Tr>
        );
      })}
    </RecordTable>
  );
};
