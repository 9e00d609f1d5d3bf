// Booting Strapi and creating a PostgreSQL database take seconds, not milliseconds.
jest.setTimeout(120_000);
