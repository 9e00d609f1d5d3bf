/**
 * The API's public sign-in routes (/api/clientia/sign-in/...). Every call carries the browser's
 * address and user agent and the portal's origin; a token they return goes into the session
 * store, never to the browser.
 */
import type {
  EnrolledAndSignedIn,
  PasskeyCeremony,
  PasskeySignInRequest,
  SecondFactorProof,
  PasswordSignInRequest,
  SecondFactorRequest,
  SignedIn,
  SignInEnrolmentConfirmation,
  SignInEnrolmentRequest,
  SignInLinkRedemption,
  SignInLinkRequest,
  SignInOptions,
  SignInStep,
  TotpEnrolment,
} from '@clientia/shared/contracts/sign-in';
import { browserHeaders, type BrowserRequest } from './forwarded';
import { strapiClient } from './strapi';

const BASE = '/api/clientia/sign-in';

/** The answer to a second-factor step: an authenticator code, or one of the recovery codes. */
export type { SecondFactorProof };

const post = async <T>(path: string, json: unknown, browser: BrowserRequest): Promise<T> =>
  (await strapiClient().call<{ data: T }>(`${BASE}${path}`, { method: 'POST', json, headers: browserHeaders(browser) })).data;

export const passwordStep = (email: string, password: string, browser: BrowserRequest) =>
  post<SignInStep>('/password', { email, password } satisfies PasswordSignInRequest, browser);

export const requestSignInLink = (email: string, browser: BrowserRequest) => post<{ ok: true }>('/links', { email } satisfies SignInLinkRequest, browser);

export const redeemSignInLink = (token: string, browser: BrowserRequest) => post<SignInStep>('/links/redeem', { token } satisfies SignInLinkRedemption, browser);

export const proveSecondFactor = (challenge: string, proof: SecondFactorProof, browser: BrowserRequest) =>
  post<SignedIn>('/second-factor', { challenge, ...proof } satisfies SecondFactorRequest, browser);

export const startSignInEnrolment = (challenge: string, browser: BrowserRequest) => post<TotpEnrolment>('/enrolment', { challenge } satisfies SignInEnrolmentRequest, browser);

export const confirmSignInEnrolment = (challenge: string, code: string, browser: BrowserRequest) =>
  post<EnrolledAndSignedIn>('/enrolment/confirm', { challenge, code } satisfies SignInEnrolmentConfirmation, browser);

export const passkeySignInOptions = (browser: BrowserRequest) => post<PasskeyCeremony>('/passkey/options', {}, browser);

export const passkeySignIn = (challenge: string, response: unknown, browser: BrowserRequest) =>
  post<SignedIn>('/passkey', { challenge, response } satisfies { [K in keyof PasskeySignInRequest]: unknown }, browser);

/** Asked again at most this often: the firm changes it rarely, and the sign-in page is public. */
const OPTIONS_FRESH_MS = 10_000;
let cachedOptions: { value: SignInOptions; at: number } | undefined;

/**
 * What the sign-in page offers. When the API cannot say, only the password is offered: a link
 * form that would then refuse every address helps nobody.
 */
export const signInOptions = async (now = Date.now()): Promise<SignInOptions> => {
  if (cachedOptions && now - cachedOptions.at < OPTIONS_FRESH_MS) return cachedOptions.value;
  try {
    const { data } = await strapiClient().call<{ data: SignInOptions }>(`${BASE}/options`);
    cachedOptions = { value: { magicLinks: data.magicLinks === true }, at: now };
    return cachedOptions.value;
  } catch {
    return cachedOptions?.value ?? { magicLinks: false };
  }
};
