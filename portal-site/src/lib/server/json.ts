/** The portal's few JSON endpoints (passkey ceremonies, called by its own script). */

const JSON_MAX_CHARS = 64 * 1024;

export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * An error the script shows as it is: the message is already in the contact's language. With a
 * `redirect`, the script goes there (the session ended: sign in again).
 */
export const jsonError = (message: string, status: number, redirect?: string): Response =>
  json({ error: { message }, ...(redirect ? { redirect } : {}) }, status);

/** The posted JSON object, or null when the body is not one (the endpoint then answers 400). */
export const readJson = async (request: Request): Promise<Record<string, unknown> | null> => {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return null;
  try {
    const text = await request.text();
    if (text.length > JSON_MAX_CHARS) return null;
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};
