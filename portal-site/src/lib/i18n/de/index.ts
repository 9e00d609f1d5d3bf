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

import type { Messages } from '../index';

declare module '../index' {
  interface UiLanguages {
    de: true;
  }
}

/** The German the account page offers, each with its region's dates and amounts. */
export const locales = ['de', 'de-DE', 'de-AT', 'de-CH'];

/** Every German text of the portal. */
const de: Messages = {
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
};

export default de;
