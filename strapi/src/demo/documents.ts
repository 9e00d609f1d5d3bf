import { randomUUID } from 'node:crypto';

import type { DemoContext } from './context';
import { documentFileName, documentPdf } from './document-pdf';
import { demoBranding, demoClients, type ClientSlug } from './firm';

interface DocumentPlan {
  client: ClientSlug;
  title: string;
  folder: 'Contracts' | 'Reports' | 'Onboarding' | 'Purchase orders';
  visibility: 'shared' | 'internal';
  /** A contact's email when the client uploaded it; staff otherwise. */
  uploadedBy?: string;
  /** Versions of one document share a group; later versions follow earlier ones. */
  versionOf?: string;
}

// Each gets a generated PDF in the plugin's private storage, as a staff or client upload would.
const documentPlans: DocumentPlan[] = [
  { client: 'northwind-logistics', title: 'Master Services Agreement (countersigned)', folder: 'Contracts', visibility: 'shared' },
  { client: 'northwind-logistics', title: 'Amendment No. 1: revised rate card', folder: 'Contracts', visibility: 'shared' },
  { client: 'northwind-logistics', title: 'Renewal strategy and pricing notes', folder: 'Contracts', visibility: 'internal' },
  { client: 'northwind-logistics', title: 'Current-state assessment: warehouse network', folder: 'Reports', visibility: 'shared' },
  { client: 'northwind-logistics', title: 'Network scenarios: cost and service model', folder: 'Reports', visibility: 'shared' },
  { client: 'northwind-logistics', title: 'Onboarding checklist', folder: 'Onboarding', visibility: 'shared' },
  {
    client: 'northwind-logistics',
    title: 'Purchase order 4500-7781',
    folder: 'Purchase orders',
    visibility: 'shared',
    uploadedBy: 'jonas@northwind.example',
  },
  { client: 'bluebird-studio', title: 'Welcome pack: working with Harbor & Pine', folder: 'Onboarding', visibility: 'shared' },
  { client: 'bluebird-studio', title: 'Studio operations playbook (draft)', folder: 'Reports', visibility: 'shared', versionOf: 'playbook' },
  { client: 'bluebird-studio', title: 'Studio operations playbook (draft)', folder: 'Reports', visibility: 'shared', versionOf: 'playbook' },
  { client: 'bluebird-studio', title: 'Interview notes: producers and finance', folder: 'Reports', visibility: 'internal' },
  { client: 'calder-finch', title: 'Engagement letter and terms of business', folder: 'Contracts', visibility: 'shared' },
  { client: 'calder-finch', title: 'Billing system selection: recommendation', folder: 'Reports', visibility: 'shared' },
  { client: 'calder-finch', title: 'Conflict and AML checks', folder: 'Onboarding', visibility: 'internal' },
  { client: 'tidewater-food-bank', title: 'Scoping notes: volunteer scheduling', folder: 'Onboarding', visibility: 'internal' },
];

export const seedDocuments = async (ctx: DemoContext) => {
  const groups = new Map<string, { id: string; version: number }>();
  for (const { client, uploadedBy, versionOf, ...document } of documentPlans) {
    const group = versionOf ? (groups.get(versionOf) ?? { id: randomUUID(), version: 0 }) : null;
    if (versionOf && group) {
      group.version += 1;
      groups.set(versionOf, group);
    }
    const version = group?.version ?? 1;
    const created = await ctx.create('document', {
      ...document,
      client: ctx.find('client', client).documentId,
      uploadedByStaff: uploadedBy ? undefined : ctx.staffId,
      uploadedByContact: uploadedBy ? ctx.find('contact', uploadedBy).documentId : undefined,
      versionGroup: group?.id,
      version,
    });
    const bytes = await documentPdf({
      firmName: demoBranding.firmName,
      clientName: demoClients.find((c) => c.slug === client)!.name,
      title: document.title,
      folder: document.folder,
      version,
      fromClient: Boolean(uploadedBy),
    });
    await ctx.strapi.plugin('clientia').service('documents').attachFile(created.documentId, { fileName: documentFileName(document.title, version), bytes });
  }
};
