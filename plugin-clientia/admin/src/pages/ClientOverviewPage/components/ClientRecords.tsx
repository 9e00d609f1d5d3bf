import type { ReactNode } from 'react';
import { Badge, Box, Flex, Tabs } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../shared/contracts/admin';
import { useTranslate, type TranslationKey } from '../../../utils/useTranslate';
import { listedDocuments } from '../documentUpload';
import type { RecordControls } from '../recordControls';
import type { ContactSignInControls } from '../signIn';
import { ActivityPanel } from './panels/ActivityPanel';
import { ContactsPanel } from './panels/ContactsPanel';
import { ContractsPanel } from './panels/ContractsPanel';
import { DocumentsPanel } from './panels/DocumentsPanel';
import { InvoicesPanel } from './panels/InvoicesPanel';
import { LicencesPanel } from './panels/LicencesPanel';
import { ProjectsPanel } from './panels/ProjectsPanel';
import { RetainersPanel } from './panels/RetainersPanel';
import { ThreadsPanel } from './panels/ThreadsPanel';

interface RecordTab {
  id: string;
  title: TranslationKey;
  count: number;
  panel: ReactNode;
}

/** One tab per kind of record the firm keeps for this client. */
interface ClientRecordsProps {
  overview: ClientOverview;
  signIn?: ContactSignInControls;
  /** Documents and new threads; left out, those tabs only show the overview. */
  records?: RecordControls;
  /** The staff member may write invoices: the Invoices tab offers a new one. */
  canManageBilling?: boolean;
}

export const ClientRecords = ({ overview, signIn, records, canManageBilling }: ClientRecordsProps) => {
  const { t } = useTranslate();
  const tabs: RecordTab[] = [
    {
      id: 'contacts',
      title: 'client.tab.contacts',
      count: overview.contacts.length,
      panel: <ContactsPanel contacts={overview.contacts} signIn={signIn} />,
    },
    {
      id: 'contracts',
      title: 'client.tab.contracts',
      count: overview.contracts.length,
      panel: <ContractsPanel contracts={overview.contracts} client={overview.client} />,
    },
    {
      id: 'retainers',
      title: 'client.tab.retainers',
      count: overview.retainers.length,
      panel: <RetainersPanel retainers={overview.retainers} client={overview.client} contracts={overview.contracts} />,
    },
    {
      id: 'invoices',
      title: 'client.tab.invoices',
      count: overview.invoices.length,
      panel: (
        <InvoicesPanel invoices={overview.invoices} balance={overview.balance} clientDocumentId={overview.client.documentId} canManageBilling={canManageBilling} />
      ),
    },
    { id: 'licences', title: 'client.tab.licences', count: overview.licences.length, panel: <LicencesPanel licences={overview.licences} /> },
    {
      id: 'documents',
      title: 'client.tab.documents',
      // Documents, not their versions: once the tab's own list is loaded, the ones it shows.
      count: records?.documents.list.data ? listedDocuments(records.documents.list.data.data, false).length : overview.documents.length,
      panel: <DocumentsPanel documents={overview.documents} controls={records?.documents} />,
    },
    { id: 'projects', title: 'client.tab.projects', count: overview.projects.length, panel: <ProjectsPanel projects={overview.projects} /> },
    {
      id: 'threads',
      title: 'client.tab.threads',
      count: overview.threads.length,
      panel: <ThreadsPanel threads={overview.threads} client={overview.client} startThread={records?.startThread} />,
    },
    { id: 'activity', title: 'client.tab.activity', count: overview.activity.length, panel: <ActivityPanel activity={overview.activity} /> },
  ];

  return (
    <Tabs.Root defaultValue="contacts" variant="simple">
      {/* Nine tabs do not fit in one row on a laptop: they wrap rather than push the page sideways. */}
      <Tabs.List aria-label={t('client.tabs.label')} style={{ flexWrap: 'wrap' }}>
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.id} value={tab.id}>
            <Flex gap={2}>
              {t(tab.title)}
              <Badge size="S">{tab.count}</Badge>
            </Flex>
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Content key={tab.id} value={tab.id}>
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            {tab.panel}
          </Box>
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
};
