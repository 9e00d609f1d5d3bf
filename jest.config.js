/** Jest runs the plugin's and the app's unit tests and the integration suite that boots Strapi. */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/strapi/dist/', '<rootDir>/plugin-clientia/dist/', '<rootDir>/portal-site/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/plugin-clientia/server/tests/unit/**/*.test.ts',
        '<rootDir>/strapi/tests/unit/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'admin',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/plugin-clientia/admin/src/**/*.test.tsx', '<rootDir>/plugin-clientia/admin/src/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/plugin-clientia/admin/tests/setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/plugin-clientia/server/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/plugin-clientia/server/tests/helpers/jest-setup.ts'],
    },
  ],
};
