/** The contact's language and email notifications, for the client they are looking at. */
import { NOTIFICATION_TOPICS, type NotificationTopic } from '@clientia/shared/contracts/portal-preferences';
import { OFFERED_LOCALES } from '../../i18n';
import { field } from '../forms';
import { browserSessions } from '../browser-session';
import { backToAccount, badRequest, refused, refusedWith, type AccountOutcome, type AccountPost } from './form';

const saveLanguage = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  const language = field(form, 'language', 40);
  const refusedLanguage = () => ({ ...refused(page, 'language', 'account.language.invalid'), typed: { language } });
  if (!OFFERED_LOCALES.includes(language)) return refusedLanguage();
  try {
    const saved = (await page.api.updatePreferences({ language })).data;
    // The browser session's language is what every page uses: switch it now, not at the next sign-in.
    page.browserSession.data.locale = saved.language;
    await browserSessions().save(page.browserSession);
    return await backToAccount(post, { kind: 'success', key: 'account.language.saved' });
  } catch (error) {
    if (!refusedWith(error, 400)) return page.fail(error);
    return refusedLanguage();
  }
};

const saveNotifications = async (post: AccountPost): Promise<AccountOutcome> => {
  const { page, form } = post;
  // An unticked box is simply absent from the form: every topic is sent, ticked or not.
  const notifications = Object.fromEntries(NOTIFICATION_TOPICS.map((topic) => [topic, form.get(topic) === 'on'])) as Record<
    NotificationTopic,
    boolean
  >;
  try {
    await page.api.updatePreferences({ notifications });
    return await backToAccount(post, { kind: 'success', key: 'account.notifications.saved' });
  } catch (error) {
    if (!refusedWith(error, 400)) return page.fail(error);
    return { ...refused(page, 'notifications', 'account.notifications.failed'), typed: { notifications } };
  }
};

export const handlePreferences = async (post: AccountPost, action: 'language' | 'notifications'): Promise<AccountOutcome> => {
  // Only roles that may choose preferences see these forms.
  if (!post.page.can('preferences')) return badRequest();
  return action === 'language' ? saveLanguage(post) : saveNotifications(post);
};
