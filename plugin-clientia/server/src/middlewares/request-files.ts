import { rm } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { pluginConfig } from '../config/plugin-config';
import { refusal } from '../domain/errors';
import { FORM_OVERHEAD_BYTES, parseFileRoute, PLUGIN_FILE_ROUTES, routeMatcher, UPLOAD_PLUGIN_ROUTES, type FileRoute } from '../http/file-routes';

type UploadedFile = { filepath?: unknown };
type Files = Record<string, UploadedFile | UploadedFile[]>;

export interface RequestFilesContext {
  method: string;
  path: string;
  request: { files?: Files; length?: number };
  is(...types: string[]): string | false | null;
}

/** The methods the body parser reads a body for: the only ones that can leave files behind. */
const PARSED_METHODS = ['POST', 'PUT', 'PATCH'];

/**
 * Keeps hold of the files the body parser hands the request: Strapi's body middleware deletes
 * `ctx.request.files` once a route has run, with the temporary files of every field but `files`
 * still on disk.
 */
const watchFiles = (ctx: RequestFilesContext) => {
  const seen: Files[] = [];
  let current = ctx.request.files;
  Object.defineProperty(ctx.request, 'files', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (value: Files | undefined) => {
      if (value) seen.push(value);
      current = value;
    },
  });
  return seen;
};

/** The parser's temporary file of every file the request carried, whatever its field. */
const discardFiles = async (seen: Files[]) => {
  for (const files of seen) {
    for (const entry of Object.values(files)) {
      for (const file of Array.isArray(entry) ? entry : [entry]) {
        if (typeof file?.filepath === 'string') await rm(file.filepath, { force: true });
      }
    }
  }
};

/**
 * Sits before `strapi::body`. A multipart body is parsed only for a route that takes files (the
 * plugin's, the upload plugin's and the app's `fileRoutes`), and only when it declares a length
 * within that route's limit; anything else is refused before a byte is written to disk (the body
 * parser's own limit is 200 MB a file, far above what these routes need). Whatever a request
 * answered, every temporary file the parser wrote for it is removed afterwards: Strapi removes
 * only those of a field named `files`, and only when the route succeeded.
 */
const requestFiles = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const appRoutes = pluginConfig(strapi, 'fileRoutes')
    .map(parseFileRoute)
    .filter((route): route is FileRoute => route !== null);
  const takesFiles = routeMatcher([...PLUGIN_FILE_ROUTES, ...UPLOAD_PLUGIN_ROUTES, ...appRoutes]);

  return async (ctx: RequestFilesContext, next: () => Promise<void>) => {
    const seen = watchFiles(ctx);
    try {
      if (PARSED_METHODS.includes(ctx.method.toUpperCase()) && ctx.is('multipart')) {
        const route = takesFiles(ctx.method, ctx.path);
        // Refused on the headers: Node reads the rest of the body and drops it, never to disk.
        if (!route) {
          throw refusal(415, 'This route does not take files: send JSON, without a multipart body');
        }
        if (route.maxFileBytes !== null) {
          const length = ctx.request.length;
          if (length === undefined) {
            throw refusal(411, 'An upload must declare its Content-Length');
          }
          if (length > route.maxFileBytes + FORM_OVERHEAD_BYTES) {
            const message = `the upload is larger than this route takes (${Math.round(route.maxFileBytes / (1024 * 1024))} MiB of files)`;
            throw new errors.PayloadTooLargeError(`${route.field ?? 'body'}: ${message}`, {
              errors: [{ path: [route.field ?? 'body'], message, name: 'ValidationError' }],
            });
          }
        }
      }
      await next();
    } finally {
      await discardFiles(seen);
    }
  };
};

export default requestFiles;
