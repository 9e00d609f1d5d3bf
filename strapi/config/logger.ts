import { formats, winston } from '@strapi/logger';

// LOG_LEVEL lets tests and operators quiet Strapi without code changes (default: http requests).
export default {
  level: process.env.LOG_LEVEL || 'http',
  format: formats.prettyPrint(),
  transports: [new winston.transports.Console()],
};
