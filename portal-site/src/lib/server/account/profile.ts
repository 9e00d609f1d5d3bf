/** The contact's own name, as every client they belong to sees it. */
import type { MessageKey } from '../../i18n';
import { field } from '../forms';
import { forgetMe } from '../portal-page';
import { backToAccount, refused, refusedWith, type AccountOutcome, type AccountPost } from './form';

export const NAME_MAX = 120;

export const handleProfile = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  const name = field(form, 'name', 1000);
  const refusedName = (key: MessageKey) => ({ ...refused(page, 'name', key), typed: { name } });
  const length = [...name].length;
  if (length === 0) return refusedName('account.profile.nameMissing');
  if (length > NAME_MAX) return refusedName('account.profile.nameLong');
  try {
    await page.api.updateProfile(name);
    forgetMe(page.session);
    return await backToAccount(post, { kind: 'success', key: 'account.profile.saved' });
  } catch (error) {
    if (!refusedWith(error, 400)) return page.fail(error);
    // The API refuses line breaks and control characters; anything else it names is the name too.
    return refusedName('account.profile.nameInvalid');
  }
};
