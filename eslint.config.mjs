// The shared lint rules live in config/; this file only tells ESLint where.
export { default } from './config/eslint.config.mjs';
