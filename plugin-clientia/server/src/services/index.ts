/**
 * The plugin's public services: what code outside the plugin (the app, its scripts, other plugins)
 * calls through `strapi.plugin('clientia').service(name)`. The plugin's own code never goes through
 * them: controllers and jobs import the feature functions these delegate to.
 */
import branding from './branding';
import documents from './documents';
import signing from './signing';
import system from './system';

export default {
  branding,
  documents,
  signing,
  system,
};
