import { Badge, Flex, Td, Tr, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import type { ContactSignInSecurity } from '../../../../../../shared/contracts/admin-sign-in';
import { RecordTable } from '../../../../components/RecordTable';
import { EmptyNote } from '../../../../components/Section';
import { formatDate } from '../../../../utils/dates';
import { useTranslate, type TranslationKey } from '../../../../utils/useTranslate';
import { contactStatus } from '../../clientRecords';
import { useClientEditing } from '../../editing';
import { securityByMembership, twoFactorRequiredBy, type ContactSignInControls } from '../../signIn';
import { ClientTwoFactorRule } from '../ClientTwoFactorRule';
import { ResetTwoFactorDialog } from '../ResetTwoFactorDialog';
import { ContactEditModal } from '../editors/ContactEditModal';
import { ResendInvitationModal } from '../editors/ResendInvitationModal';
import { ToneBadge } from '../../../../components/ToneBadge';

const STATUS_TONE = { active: 'success', invited: 'secondary', expired: 'warning', deactivated: 'neutral', blocked: 'danger' } as const;
const STATUS_LABEL = {
  active: 'client.contacts.status.active',
  invited: 'client.contacts.status.invited',
  expired: 'contacts.status.expired',
  deactivated: 'contacts.status.deactivated',
  blocked: 'client.contacts.status.blocked',
} as const satisfies Record<keyof typeof STATUS_TONE, TranslationKey>;

interface ContactsPanelProps {
  contacts: ClientOverview['contacts'];
  /** Sign-in security: the client's two-factor rule and each contact's second factors. */
  signIn?: ContactSignInControls;
}

const TwoFactorCell = ({ security }: { security: ContactSignInSecurity | undefined }) => {
  const { t, locale } = useTranslate();
  if (!security) return <Typography textColor="neutral500">{t('common.none')}</Typography>;
  if (!security.twoFactor.enabled) return <Badge>{t('client.contacts.twoFactor.off')}</Badge>;
  return (
    <Flex gap={2} wrap="wrap">
      <Badge variant="success">{t('client.contacts.twoFactor.on')}</Badge>
      {security.twoFactor.enabledAt ? (
        <Typography variant="pi" textColor="neutral600">
          {t('client.contacts.twoFactor.since', { date: formatDate(security.twoFactor.enabledAt, locale) ?? '' })}
        </Typography>
      ) : null}
    </Flex>
  );
};

export const ContactsPanel = ({ contacts, signIn }: ContactsPanelProps) => {
  const { t, label, locale } = useTranslate();
  const security = securityByMembership(signIn?.security ?? null);
  const required = twoFactorRequiredBy(signIn?.security ?? null) !== null;
  const editing = useClientEditing();

  const columns = [t('column.name'), t('column.email'), t('column.role'), t('column.signatory'), t('column.status')];
  if (signIn) columns.push(t('column.twoFactor'), t('column.passkeys'));
  if (signIn?.canManage) columns.push('');
  if (editing) columns.push(t('contacts.actions'));

  return (
    <>
      {signIn ? <ClientTwoFactorRule signIn={signIn} /> : null}
      {contacts.length === 0 ? (
        <EmptyNote>{t('client.contacts.empty')}</EmptyNote>
      ) : (
        <RecordTable columns={columns} rowCount={contacts.length}>
          {contacts.map((contact) => {
            const status = contactStatus(contact);
            const own = security.get(contact.membershipId);
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
                  <ToneBadge tone={STATUS_TONE[status]}>{t(STATUS_LABEL[status])}</ToneBadge>{' '}
                  {(status === 'invited' || status === 'expired') && contact.invitedAt ? (
                    <Typography variant="pi" textColor="neutral600">
                      {t('client.contacts.invitedOn', { date: formatDate(contact.invitedAt, locale) ?? '' })}
                    </Typography>
                  ) : null}
                </Td>
                {signIn ? (
                  <>
                    <Td>
                      <TwoFactorCell security={own} />
                    </Td>
                    <Td>
                      <Typography textColor={own?.passkeys ? undefined : 'neutral500'}>
                        {own ? t('client.contacts.passkeys', { count: own.passkeys }) : t('common.none')}
                      </Typography>
                    </Td>
                  </>
                ) : null}
                {signIn?.canManage ? (
                  <Td>
                    {own?.twoFactor.enabled ? (
                      <ResetTwoFactorDialog contact={contact} required={required} onReset={signIn.onResetTwoFactor} />
                    ) : null}
                  </Td>
                ) : null}
                {editing ? (
                  <Td>
                    <Flex gap={2}>
                      <ContactEditModal contact={contact} editing={editing} />
                      {status === 'invited' || status === 'expired' ? <ResendInvitationModal contact={contact} editing={editing} /> : null}
                    </Flex>
                  </Td>
                ) : null}
              </Tr>
            );
          })}
        </RecordTable>
      )}
    </>
  );
};
