import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '../../../../shared/contracts/portal-invitations';
import { assertBodyKeys } from '../../controllers/validation';
import { fieldError } from '../../domain/errors';

/** Tokens are 32 random bytes in base64url (43 characters); a little slack, nothing else. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

const readToken = (body: Record<string, unknown>): string => {
  const token = body.token;
  if (typeof token !== 'string' || !token.trim()) throw fieldError('token', 'is required: the code at the end of the invitation link');
  if (!TOKEN.test(token.trim())) throw fieldError('token', 'is not an invitation code; copy the whole link from the email');
  return token.trim();
};

/**
 * The rules for a new account's password. Length counts characters as people see them; the byte
 * limit is bcrypt's, which ignores everything after 72 bytes, so a longer one is refused rather
 * than silently cut.
 */
export const passwordProblem = (password: string): string | null => {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return `must be at most ${PASSWORD_MAX_BYTES} bytes (fewer characters when they are accented or not Latin)`;
  if (!password.trim()) return 'must not be only spaces';
  return null;
};

export const readLookup = (body: unknown) => readToken(assertBodyKeys(body, ['token']));

/** `password` stays undefined when it is left out: whether one is needed depends on the account. */
export const readAcceptance = (body: unknown): { token: string; password: string | undefined } => {
  const fields = assertBodyKeys(body, ['token', 'password']);
  const token = readToken(fields);
  const password = fields.password;
  if (password === undefined || password === null) return { token, password: undefined };
  if (typeof password !== 'string') throw fieldError('password', 'must be text');
  const problem = passwordProblem(password);
  if (problem) throw fieldError('password', problem);
  return { token, password };
};
