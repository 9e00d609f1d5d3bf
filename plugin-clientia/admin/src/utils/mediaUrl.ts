/**
 * Upload providers that store locally answer with a path ("/uploads/logo.png") that lives on
 * Strapi's server, which need not be the origin the admin panel is served from.
 */
export const mediaUrl = (url: string | null | undefined): string | null => {
  if (!url) return null;
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) return url;
  const backend = (window as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';
  return `${backend}${url}`;
};
