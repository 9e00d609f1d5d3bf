/**
 * What a failed admin API call turns into. It lives apart from the client module so pages and
 * their tests can recognise failures while the client itself is mocked.
 */
export class ApiFailure extends Error {
  readonly status: number | null;

  constructor(message: string, status: number | null) {
    super(message);
    this.name = 'ApiFailure';
    this.status = status;
  }
}

export const isNotFound = (error: unknown) => error instanceof ApiFailure && error.status === 404;

export const failureMessage = (error: unknown): string | null =>
  error instanceof ApiFailure && error.message ? error.message : null;
