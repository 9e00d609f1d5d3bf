import type { PublicBranding } from '@clientia/shared/contracts/branding';
import type { ApiError } from '@clientia/shared/contracts/errors';
import { CLIENT_SELECTOR_HEADER } from '@clientia/shared/contracts/portal';
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

interface StrapiClientOptions {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The contact's own token: Strapi checks every call again with it. */
  jwt?: string;
  /** The client (documentId) the contact is acting for. */
  client?: string | null;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: FormData;
  /** Uploads may take longer than a page's data calls. */
  timeoutMs?: number;
  /**
   * Extra request headers, such as the signer's context on signing calls. They cannot replace the
   * token, the client or the body's type, which are set after them.
   */
  headers?: Record<string, string>;
}

interface BrandingAnswer {
  branding: PublicBranding;
  etag: string | null;
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
    const body = await this.call<{ data: PublicBranding }>('/api/clientia/branding');
    return body.data;
  }

  /** The branding, or null when Strapi says it has not changed since `etag`. */
  async revalidateBranding(etag: string | null): Promise<BrandingAnswer | null> {
    const response = await this.send('/api/clientia/branding', { headers: etag ? { 'if-none-match': etag } : {} });
    if (response.status === 304) {
      await response.body?.cancel();
      return null;
    }
    const body = await this.parse<{ data: PublicBranding }>(response, '/api/clientia/branding');
    return { branding: body.data, etag: response.headers.get('etag') };
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

  /** A JSON call; the parsed body on success, StrapiError otherwise. */
  async call<T>(path: string, options: CallOptions = {}): Promise<T> {
    return this.parse<T>(await this.send(path, options), path);
  }

  /**
   * A file from Strapi (an invoice PDF, a document), returned unread so the portal can stream it
   * to the browser. Non-OK answers throw like any other call.
   */
  async download(path: string, options: CallOptions = {}): Promise<Response> {
    const response = await this.send(path, { ...options, accept: '*/*' });
    if (!response.ok) await this.parse(response, path);
    return response;
  }

  private async send(path: string, options: CallOptions & { accept?: string }): Promise<Response> {
    const url = new URL(path, this.options.baseUrl);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    if (options.jwt) headers.authorization = `Bearer ${options.jwt}`;
    if (options.client) headers[CLIENT_SELECTOR_HEADER] = options.client;
    let body: string | FormData | undefined;
    if (options.form) body = options.form;
    else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    try {
      return await this.fetchImpl(url, {
        method: options.method ?? 'GET',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? this.options.timeoutMs),
      });
    } catch (cause) {
      const reason = cause instanceof Error && cause.name === 'TimeoutError' ? 'timed out' : 'is unreachable';
      throw new StrapiError(`Strapi ${reason} (${path})`, 503, path);
    }
  }

  private async parse<T>(response: Response, path: string): Promise<T> {
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
