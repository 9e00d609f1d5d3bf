/**
 * How long the browser may take to start writing a saved file before its object URL is released.
 * Some browsers read the URL only after `click()` has returned, so it is not revoked at once.
 */
const RELEASE_AFTER_MS = 40_000;

/**
 * Saves a file the admin panel fetched itself (the admin API answers only requests that carry the
 * staff token, which a plain link cannot send): the bytes as they came, under the file's own name.
 */
export const saveFile = (file: Blob, fileName: string) => {
  const href = URL.createObjectURL(file);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), RELEASE_AFTER_MS);
};
