import { Badge, VisuallyHidden } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';

import { useAwaitingThreads } from '../hooks/useAwaitingThreads';
import { paths } from '../utils/links';
import { useTranslate } from '../utils/useTranslate';

/** The plugin's own navigation, beside every page; the Inbox says how many threads await a reply. */
export const PluginNav = () => {
  const { t } = useTranslate();
  const awaiting = useAwaitingThreads();
  return (
    <SubNav.Main>
      <SubNav.Header label={t('plugin.name')} />
      <SubNav.Sections>
        <SubNav.Section label={t('nav.firm')}>
          <SubNav.Link to={paths.home} end label={t('nav.home')} />
          <SubNav.Link to={paths.clients} label={t('nav.clients')} />
          <SubNav.Link
            to={paths.inbox}
            label={
              <>
                {t('nav.inbox')}
                {awaiting ? <VisuallyHidden>{`, ${t('messages.awaiting', { count: awaiting })}`}</VisuallyHidden> : null}
              </>
            }
            endAction={
              awaiting ? (
                <Badge variant="primary" aria-hidden>
                  {awaiting}
                </Badge>
              ) : undefined
            }
          />
        </SubNav.Section>
        <SubNav.Section label={t('nav.settings')}>
          {[
            <SubNav.Link key="branding" to={paths.branding} label={t('nav.branding')} />,
            <SubNav.Link key="sign-in" to={paths.signInSettings} label={t('nav.signIn')} />,
          ]}
        </SubNav.Section>
      </SubNav.Sections>
    </SubNav.Main>
  );
};
