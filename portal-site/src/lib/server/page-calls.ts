/** A signed-in page's own calls to Strapi, started before /me has answered and read after it. */
import type { PortalApi } from './api';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error })
  );

export interface PageCalls<T> {
  /** The contact's API, for the client the calls were made for. */
  api: PortalApi;
  /** What the page's `load` answered, or failed with; undefined for a page without `load`. */
  loaded: Promise<Settled<T>> | undefined;
}

/**
 * Starts the page's `load` with the contact's API. Its answer is settled, so a failure waits,
 * unobserved, until the page knows who is asking.
 */
export const startPageCalls = <T>(api: PortalApi, load?: (api: PortalApi) => Promise<T>): PageCalls<T> => ({
  api,
  loaded: load ? settle(load(api)) : undefined,
});
