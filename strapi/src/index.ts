import type { Core } from '@strapi/strapi';

import { seedDemo } from './demo/seed';
import { closePublicRegistration } from './security';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // Without the plugin's built server code Strapi skips it silently, and the schema sync that
    // follows register() would then drop every clientia_* table. Refuse to start instead.
    if (!strapi.plugin('clientia')) {
      throw new Error(
        'The Clientia plugin is not loaded (is plugin-clientia/dist built?). ' +
          'Run `npm run build:plugin` before starting Strapi; refusing to start so no data is lost.'
      );
    }
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await closePublicRegistration(strapi);
    if (process.env.CLIENTIA_DEMO === 'true') {
      await seedDemo(strapi);
    }
  },
};
