import branding from './branding';
import brandingSettings from './branding-settings';
import clients from './clients';
import contracts from './contracts';
import invitations from './invitations';
import overview from './overview';
import passwordResets from './password-resets';
import portalBilling from './portal-billing';
import portalContracts from './portal-contracts';
import portalSeats from './portal-seats';
import portalDocuments from './portal-documents';
import portalProjects from './portal-projects';
import portalThreads from './portal-threads';
import portalActivity from './portal-activity';
import portalPreferences from './portal-preferences';
import portalDashboard from './portal-dashboard';
import portalMe from './portal-me';
import threads from './threads';

export default {
  branding,
  'branding-settings': brandingSettings,
  clients,
  contracts,
  invitations,
  overview,
  'password-resets': passwordResets,
  'portal-billing': portalBilling,
  'portal-contracts': portalContracts,
  'portal-seats': portalSeats,
  'portal-documents': portalDocuments,
  'portal-projects': portalProjects,
  'portal-threads': portalThreads,
  'portal-activity': portalActivity,
  'portal-preferences': portalPreferences,
  'portal-dashboard': portalDashboard,
  'portal-me': portalMe,
  threads,
};
