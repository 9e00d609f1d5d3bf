import type { Capability } from '@clientia/shared/contracts/portal';
import type { MessageKey } from './i18n';

export type Section = 'dashboard' | 'contracts' | 'invoices' | 'retainers' | 'licences' | 'documents' | 'projects' | 'messages' | 'activity' | 'account';

interface NavItem {
  section: Section;
  href: string;
  label: MessageKey;
  capability: Capability;
}

/** The portal's sections, in the order clients see them; each shows only to roles allowed it. */
export const NAVIGATION: readonly NavItem[] = [
  { section: 'dashboard', href: '/', label: 'nav.dashboard', capability: 'dashboard' },
  { section: 'contracts', href: '/contracts', label: 'nav.contracts', capability: 'contracts' },
  { section: 'invoices', href: '/invoices', label: 'nav.invoices', capability: 'billing' },
  { section: 'retainers', href: '/retainers', label: 'nav.retainers', capability: 'billing' },
  { section: 'licences', href: '/licences', label: 'nav.licences', capability: 'seats' },
  { section: 'documents', href: '/documents', label: 'nav.documents', capability: 'documents' },
  { section: 'projects', href: '/projects', label: 'nav.projects', capability: 'projects' },
  { section: 'messages', href: '/messages', label: 'nav.messages', capability: 'messages' },
  { section: 'activity', href: '/activity', label: 'nav.activity', capability: 'dashboard' },
];
