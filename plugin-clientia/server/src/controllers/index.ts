import branding from './branding';
import brandingSettings from './branding-settings';
import clients from './clients';
import contactSecurity from './contact-security';
import contracts from './contracts';
import documents from './documents';
import invitations from './invitations';
import invoices from './invoices';
import overview from './overview';
import passkeys from './passkeys';
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
import retainers from './retainers';
import portalSecurity from './portal-security';
import signIn from './sign-in';
import signInLinks from './sign-in-links';
import signInSettings from './sign-in-settings';
import threads from './threads';
import twoFactor from './two-factor';
import clientEditor from './client-editor';
import contactEditor from './contact-editor';
import projectEditor from './project-editor';
import licenceEditor from './licence-editor';

export default {
  branding,
  'branding-settings': brandingSettings,
  clients,
  'contact-security': contactSecurity,
  contracts,
  documents,
  invitations,
  invoices,
  overview,
  passkeys,
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
  'portal-security': portalSecurity,
  retainers,
  'sign-in': signIn,
  'sign-in-links': signInLinks,
  'sign-in-settings': signInSettings,
  threads,
  'two-factor': twoFactor,
  'client-editor': clientEditor,
  'contact-editor': contactEditor,
  'project-editor': projectEditor,
  'licence-editor': licenceEditor,
};
