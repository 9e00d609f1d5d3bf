import { Flex, Typography } from '@strapi/design-system';
import { BackButton, Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';

import type { StaffInvoice } from '../../../../shared/contracts/admin-invoices';
import { clientiaApi } from '../../api/client';
import { isNotFound } from '../../api/failure';
import { RecordLink } from '../../components/RecordLink';
import { StateBadge } from '../../components/StateBadge';
import { usePermission } from '../../hooks/usePermission';
import { useRemoteData } from '../../hooks/useRemoteData';
import { ACTIONS } from '../../permissions';
import { paths } from '../../utils/links';
import { useTranslate } from '../../utils/useTranslate';
import { InvoiceEditorView, type NoticeType } from './components/InvoiceEditorView';
import { useInvoice } from './hooks/useInvoice';

const useEditorActions = () => {
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  return {
    notify: (type: NoticeType, message: string) => toggleNotification({ type, message }),
    /** A new draft, once saved, takes the place of the blank one in the history. */
    open: (documentId: string, replace = false) => navigate(paths.invoice(documentId), { replace }),
  };
};

const titleOf = (invoice: StaffInvoice, t: ReturnType<typeof useTranslate>['t']) => {
  const creditNote = invoice.kind === 'credit_note';
  if (!invoice.number) return t(creditNote ? 'invoiceEditor.title.creditNoteDraft' : 'invoiceEditor.title.draft');
  return t(creditNote ? 'invoiceEditor.title.creditNote' : 'invoiceEditor.title.invoice', { number: invoice.number });
};

/** /plugins/clientia/invoices/:documentId — one invoice or credit note: a draft to edit, an issued one to act on. */
export const InvoiceEditorPage = () => {
  const { t } = useTranslate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { state, replace } = useInvoice(documentId);
  const billing = usePermission(ACTIONS.manageBilling);
  const { notify, open } = useEditorActions();

  const invoice = state.data?.documentId === documentId ? state.data : null;
  if (!invoice || billing.isLoading) {
    if (state.status === 'error') return <Page.Error content={t(isNotFound(state.error) ? 'invoiceEditor.notFound' : 'invoiceEditor.error')} />;
    return <Page.Loading />;
  }
  const title = titleOf(invoice, t);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={paths.client(invoice.client.documentId)} />}
        title={title}
        subtitle={
          <Flex gap={2} wrap="wrap">
            <StateBadge state={invoice.state} />
            <RecordLink to={paths.client(invoice.client.documentId)}>{invoice.client.name}</RecordLink>
            {invoice.correctedInvoice ? (
              <Typography textColor="neutral600">
                <RecordLink to={paths.invoice(invoice.correctedInvoice.documentId)}>
                  {t('invoiceEditor.corrects', { number: invoice.correctedInvoice.number ?? '' })}
                </RecordLink>
              </Typography>
            ) : null}
          </Flex>
        }
      />
      <Layouts.Content>
        <InvoiceEditorView
          key={invoice.documentId}
          invoice={invoice}
          client={{ documentId: invoice.client.documentId, name: invoice.client.name, currency: invoice.currency }}
          canManage={billing.allowed}
          notify={notify}
          onChanged={replace}
          onOpen={open}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

/** /plugins/clientia/clients/:documentId/invoices/new — a new invoice for the client, in its currency unless changed. */
export const NewInvoicePage = () => {
  const { t } = useTranslate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { state } = useRemoteData(`client:${documentId}`, () => clientiaApi.getClientOverview(documentId));
  const billing = usePermission(ACTIONS.manageBilling);
  const { notify, open } = useEditorActions();

  if (!state.data || billing.isLoading) {
    if (state.status === 'error') return <Page.Error content={t(isNotFound(state.error) ? 'client.notFound' : 'invoiceEditor.clientError')} />;
    return <Page.Loading />;
  }
  if (!billing.allowed) return <Page.NoPermissions />;
  const { client } = state.data;
  const title = t('invoiceEditor.title.new', { client: client.name });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header navigationAction={<BackButton fallback={paths.client(client.documentId)} />} title={title} />
      <Layouts.Content>
        <InvoiceEditorView
          invoice={null}
          client={{ documentId: client.documentId, name: client.name, currency: client.currency }}
          canManage
          notify={notify}
          onChanged={() => undefined}
          onOpen={(created) => open(created, true)}
        />
      </Layouts.Content>
    </Page.Main>
  );
};
