export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // The plugin would put its three in these places by itself; they are listed to show where they run.
  // Before the body parser: a multipart body only for routes that take files, and no temporary file left behind.
  'plugin::clientia.request-files',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // The portal API refuses NUL characters before any route runs.
  'plugin::clientia.portal-input',
  // Files of client records are served only by the portal's checked routes, never from /uploads.
  'plugin::clientia.private-files',
  'strapi::public',
];
