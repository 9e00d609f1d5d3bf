/** The contact's own name, as every client they belong to sees it. */
import type { MessageKey } from '../../i18n';
import { field } from '../forms';
import { forgetMe } from '../me-cache';
import { backToAccount, refused, refusedWith, type AccountOutcome, type AccountPost } from './form';
import { PROFILE_NAME_MAX } from '@clientia/shared/contracts/portal';

export const NAME_MAX = PROFILE_NAME_MAX;

export const handleProfile = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  const name = field(form, 'name', 1000);
  const refusedName = (key: MessageKey) => ({ ...refused(page, 'name', key), typed: { name } });
  const length = [...name].length;
  if (length === 0) return refusedName('account.profile.nameMissing');
  if (length > NAME_MAX) return refusedName('account.profile.nameLong');
  try {
    await page.api.updateProfile(name);
    forgetMe(page.browserSession);
    return await backToAccount(post, { kind: 'success', key: 'account.profile.saved' });
  } catch (error) {
    if (!refusedWith(error, 400)) return page.fail(error);
    // The API refuses line breaks and control characters; anything else it names is the name too.
    return refusedName('account.profile.nameInvalid');
  }
};
