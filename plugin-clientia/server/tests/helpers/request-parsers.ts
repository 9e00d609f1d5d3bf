/**
 * The request checks the unit tests call by name, each made of a shared schema and the server's
 * adapter exactly as the controllers use them (the controllers call `parseBody`/`parseQuery` with
 * the schema directly).
 */
import { z } from 'zod';

import { updateBrandingSettingsRequest } from '../../../shared/contracts/admin';
import { pagination } from '../../../shared/contracts/fields';
import { disableTwoFactorRequest, totpCodeRequest } from '../../../shared/contracts/sign-in';
import { declineContractRequest, sendContractRequest, signContractRequest } from '../../../shared/contracts/signing';
import { parseBody, parseQuery } from '../../src/validation/parse';
import { SIGNING_BODY } from '../../src/validation/signing';

const named = (keys: readonly string[]) => z.strictObject(Object.fromEntries(keys.map((key) => [key, z.unknown().optional()])));

/** A query that may hold only these keys, whatever their values. */
export const assertQueryKeys = (query: Record<string, unknown>, keys: readonly string[]) => parseQuery(named(keys), query);

/** A JSON object body that may hold only these keys, whatever their values. */
export const assertBodyKeys = (body: unknown, keys: readonly string[]) => parseBody(named(keys), body);

export const readPagination = (query: Record<string, unknown>) => parseQuery(z.object(pagination), query);

export const readBrandingChanges = (body: unknown) => parseBody(updateBrandingSettingsRequest, body);

export const parseSignRequest = (body: unknown) => parseBody(signContractRequest, body, SIGNING_BODY);
export const parseDeclineRequest = (body: unknown) => parseBody(declineContractRequest, body, SIGNING_BODY);
export const parseSendRequest = (body: unknown) => parseBody(sendContractRequest, body, SIGNING_BODY);

/** A code as the `code` field of a request. */
export const readTotpCode = (value: unknown) => parseBody(totpCodeRequest, { code: value }).code;

/** A recovery code as the `recoveryCode` field of a request. */
export const readRecoveryCode = (value: unknown) => {
  const proof = parseBody(disableTwoFactorRequest, { recoveryCode: value });
  return 'recoveryCode' in proof ? proof.recoveryCode : proof.code;
};
