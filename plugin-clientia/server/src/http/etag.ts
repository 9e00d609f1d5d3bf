import { createHash } from 'node:crypto';

/** A strong ETag of a JSON body: any change to what the body says changes the tag. */
export const etagOf = (body: unknown) => `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;

/**
 * RFC 9110 If-None-Match with GET's weak comparison: `*`, or any listed tag equal to ours with
 * or without a W/ prefix.
 */
export const matchesIfNoneMatch = (header: string | string[] | undefined, etag: string) => {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return value.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
};
