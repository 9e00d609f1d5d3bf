/** The contact's passkeys: renamed or removed here, added by the page's script (passkeys.ts). */
import type { MessageKey } from '../../i18n';
import { passkeyNameProblem } from '../account-security';
import { field } from '../forms';
import { backToAccount, refused, refusedWith, type AccountOutcome, type AccountPost } from './form';

/** The id of a passkey's name field in its rename form, which its error is filed under too. */
export const passkeyNameField = (id: string) => `passkey-${id}`;

/** Removed meanwhile, from another device or by staff. */
const gone = (post: AccountPost) => backToAccount(post, { kind: 'error', key: 'security.passkeys.gone' }, '#passkeys');

const rename = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  const id = field(form, 'id', 100);
  const name = field(form, 'name', 1000);
  const refusedName = (key: MessageKey) => ({ ...refused(page, passkeyNameField(id), key), typed: { passkey: { id, name } } });
  const problem = passkeyNameProblem(name);
  if (problem) return refusedName(problem);
  try {
    await page.api.renamePasskey(id, name);
    return await backToAccount(post, { kind: 'success', key: 'security.passkeys.renamed' }, '#passkeys');
  } catch (error) {
    if (refusedWith(error, 404)) return gone(post);
    if (!refusedWith(error, 400)) return page.fail(error);
    return refusedName('security.passkeys.nameInvalid');
  }
};

const remove = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  try {
    await page.api.removePasskey(field(form, 'id', 100));
    return await backToAccount(post, { kind: 'success', key: 'security.passkeys.removed' }, '#passkeys');
  } catch (error) {
    if (refusedWith(error, 404)) return gone(post);
    return page.fail(error);
  }
};

export const handlePasskeys = async (post: AccountPost, action: 'passkey-rename' | 'passkey-remove'): Promise<AccountOutcome> =>
  action === 'passkey-rename' ? rename(post) : remove(post);
