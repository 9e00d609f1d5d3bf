import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

import { PluginNav } from '../components/PluginNav';
import { ClientOverviewPage } from './ClientOverviewPage';
import { ClientsPage } from './ClientsPage';
import { ContractSigningPage } from './ContractSigningPage';
import { HomePage } from './HomePage';
import { InboxPage } from './InboxPage';
import { InvoiceEditorPage, NewInvoicePage } from './InvoiceEditorPage';
import { PortalPreviewPage } from './PortalPreviewPage';
import { ThreadPage } from './ThreadPage';

export const App = () => (
  <Layouts.Root sideNav={<PluginNav />}>
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="clients" element={<ClientsPage />} />
      <Route path="clients/:documentId" element={<ClientOverviewPage />} />
      <Route path="clients/:documentId/preview" element={<PortalPreviewPage />} />
      <Route path="contracts/:documentId/signing" element={<ContractSigningPage />} />
      <Route path="clients/:documentId/invoices/new" element={<NewInvoicePage />} />
      <Route path="invoices/:documentId" element={<InvoiceEditorPage />} />
      <Route path="inbox" element={<InboxPage />} />
      <Route path="inbox/:documentId" element={<ThreadPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Layouts.Root>
);
