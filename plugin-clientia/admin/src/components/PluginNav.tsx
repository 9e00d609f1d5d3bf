import { SubNav } from '@strapi/strapi/admin';

import { paths } from '../utils/links';
import { useTranslate } from '../utils/useTranslate';

/** The plugin's own navigation, beside every page. */
export const PluginNav = () => {
  const { t } = useTranslate();
  return (
    <SubNav.Main>
      <SubNav.Header label={t('plugin.name')} />
      <SubNav.Sections>
        <SubNav.Section label={t('nav.firm')}>
          <SubNav.Link to={paths.home} end label={t('nav.home')} />
          <SubNav.Link to={paths.clients} label={t('nav.clients')} />
          <SubNav.Link to={paths.inbox} label={t('nav.inbox')} />
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
