import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The same alias as tsconfig.json's `paths`, which Astro reads for the site itself.
    alias: [{ find: /^@clientia\/shared\//, replacement: fileURLToPath(new URL('../plugin-clientia/shared/', import.meta.url)) }],
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
