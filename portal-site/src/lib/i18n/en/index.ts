import common from './common';
import auth from './auth';
import dashboard from './dashboard';
import contracts from './contracts';
import signing from './signing';
import billing from './billing';
import seats from './seats';
import documents from './documents';
import projects from './projects';
import messages from './messages';
import activity from './activity';
import account from './account';
import signIn from './sign-in';
import security from './security';
import errors from './errors';

/** The English the account page offers, each with its region's dates and amounts. */
export const locales = ['en', 'en-GB', 'en-US'];

/** Every English text of the portal, one section per area; every other language has each key. */
export default {
  ...common,
  ...auth,
  ...dashboard,
  ...contracts,
  ...signing,
  ...billing,
  ...seats,
  ...documents,
  ...projects,
  ...messages,
  ...activity,
  ...account,
  ...signIn,
  ...security,
  ...errors,
} as const;
