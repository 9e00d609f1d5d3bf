import { ApiFailure } from './failure';

/** The server's refusal of a form, with what it said about each field it named (`details.errors`). */
export class FieldFailure extends ApiFailure {
  readonly fields: Record<string, string>;

  constructor(message: string, status: number | null, fields: Record<string, string>) {
    super(message, status);
    this.name = 'FieldFailure';
    this.fields = fields;
  }
}

interface FetchErrorShape {
  status?: unknown;
  response?: { data?: { error?: { message?: string; details?: unknown } } };
}

interface FieldDetail {
  path?: unknown;
  message?: unknown;
}

const fieldsOfDetails = (details: unknown): Record<string, string> => {
  const errors = (details as { errors?: FieldDetail[] } | undefined)?.errors;
  const fields: Record<string, string> = {};
  for (const entry of Array.isArray(errors) ? errors : []) {
    const field = Array.isArray(entry.path) && typeof entry.path[0] === 'string' ? entry.path[0] : null;
    if (field && typeof entry.message === 'string' && !(field in fields)) fields[field] = entry.message;
  }
  return fields;
};

/** Like `send`, for forms: a refusal keeps the fields it names, so the form shows each message under its field. */
export const sendForm = async <T>(request: Promise<{ data: T }>): Promise<T> => {
  try {
    return (await request).data;
  } catch (error) {
    // The fetch client's error, read by its shape: this module stays free of the admin's runtime.
    const { status, response } = (error ?? {}) as FetchErrorShape;
    const apiError = response?.data?.error;
    const message = apiError?.message || (error instanceof Error ? error.message : String(error));
    throw new FieldFailure(message, typeof status === 'number' ? status : null, fieldsOfDetails(apiError?.details));
  }
};

/** The server's word on each field of a failed form; none when it failed otherwise. */
export const fieldProblems = (error: unknown): Record<string, string> => (error instanceof FieldFailure ? error.fields : {});
