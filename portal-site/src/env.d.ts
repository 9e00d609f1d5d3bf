/** What the middleware (src/middleware.ts) gives every page and endpoint of a request. */
declare namespace App {
  interface Locals {
    /**
     * This browser's session, read from its cookie on the first call and kept for the request;
     * null when it has none (or for the routes that answer everyone alike). Signed-in pages still
     * check it is there.
     */
    browserSession: () => Promise<import('./lib/server/browser-session').LiveBrowserSession | null>;
  }
}
