import type { PublicBranding } from '../../../../plugin-clientia/shared/contracts/branding';
import type { ApiError } from '../../../../plugin-clientia/shared/contracts/errors';
import { config } from './config';

/** A call to Strapi that did not give the expected answer. */
export class StrapiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly path: string,
    readonly details?: ApiError['error']
  ) {
    super(message);
    this.name = 'StrapiError';
  }
}

export interface StrapiClientOptions {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * The portal's only door to Strapi. It throws on any non-OK answer, so a page never renders
 * half a response as if it were data.
 */
export class StrapiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: StrapiClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  async getBranding(): Promise<PublicBranding> {
    const body = await this.request<{ data: PublicBranding }>('/api/clientia/branding');
    return body.data;
  }

  /** True when Strapi answers its health probe (204) within the timeout. */
  async isHealthy(): Promise<boolean> {
    try {
      const response = await this.fetchImpl(new URL('/_health', this.options.baseUrl), {
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel();
      return response.status === 204 || response.ok;
    } catch {
      return false;
    }
  }

  private async request<T>(path: string, init: { jwt?: string } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.jwt) headers.authorization = `Bearer ${init.jwt}`;
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.options.baseUrl), {
        headers,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (cause) {
      const reason = cause instanceof Error && cause.name === 'TimeoutError' ? 'timed out' : 'is unreachable';
      throw new StrapiError(`Strapi ${reason} (${path})`, 503, path);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new StrapiError(`Strapi answered ${response.status} with a body that is not JSON (${path})`, 502, path);
    }
    if (!response.ok) {
      const error = (parsed as ApiError | undefined)?.error;
      throw new StrapiError(error?.message ?? `Strapi answered ${response.status} (${path})`, response.status, path, error);
    }
    return parsed as T;
  }
}

let shared: StrapiClient | undefined;

export const strapiClient = (): StrapiClient => {
  if (!shared) {
    const { strapiUrl, strapiTimeoutMs } = config();
    shared = new StrapiClient({ baseUrl: strapiUrl, timeoutMs: strapiTimeoutMs });
  }
  return shared;
};
