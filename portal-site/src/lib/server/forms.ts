import type { APIContext } from 'astro';

/** A text field of a posted form, trimmed and cut to a sane length; '' when absent. */
export const field = (form: FormData, name: string, max = 500): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
};

/** A password field: never trimmed (spaces may be part of it). */
export const secretField = (form: FormData, name: string, max = 1000): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
};

/** The posted form, or null when the body is not a form (the page then answers 400). */
export const readForm = async (request: Request): Promise<FormData | null> => {
  try {
    return await request.formData();
  } catch {
    return null;
  }
};

export const isPost = (context: Pick<APIContext, 'request'>) => context.request.method === 'POST';

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Failed sign-ins take at least this long, so timing does not tell a known address from an unknown one. */
export const steadyFailure = async (startedAt: number, minimumMs = 600) => {
  const left = minimumMs - (Date.now() - startedAt);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
};

/** Where the browser's request really came from (the address Astro resolved, trusted proxy aware). */
export const clientIp = (context: Pick<APIContext, 'clientAddress'>): string => {
  try {
    return context.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
};
