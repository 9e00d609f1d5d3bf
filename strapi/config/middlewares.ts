export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // The plugin would put its two here by itself; they are listed to show where they run.
  // The portal API refuses NUL characters and cleans up refused uploads before any route runs.
  'plugin::clientia.portal-input',
  // Files of client records are served only by the portal's checked routes, never from /uploads.
  'plugin::clientia.private-files',
  'strapi::public',
];
