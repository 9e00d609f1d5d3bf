import type { DescriptionComponent, StrapiApp } from '@strapi/strapi/admin';

import { ContractSigningPanel, type ContractSigningPanelDescription, type ContractSigningPanelProps } from './components/ContractSigningPanel';
import { Initializer } from './components/Initializer';
import { PluginIcon } from './components/PluginIcon';
import { ACTIONS } from './permissions';
import { PLUGIN_ID } from './pluginId';
import { prefixPluginTranslations } from './utils/prefixPluginTranslations';

type SidePanel = DescriptionComponent<ContractSigningPanelProps, ContractSigningPanelDescription>;

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Clientia' },
      permissions: [{ action: ACTIONS.read, subject: null }],
      Component: () => import('./pages/App').then((mod) => ({ default: mod.App })),
    });

    // Reading a setting needs the read action, changing it the settings action: either shows the link.
    const settingsPermissions = [
      { action: ACTIONS.read, subject: null },
      { action: ACTIONS.manageSettings, subject: null },
    ];
    app.addSettingsLink({ id: PLUGIN_ID, intlLabel: { id: `${PLUGIN_ID}.settings.section`, defaultMessage: 'Clientia' } }, [
      {
        id: `${PLUGIN_ID}-branding`,
        to: `${PLUGIN_ID}/branding`,
        intlLabel: { id: `${PLUGIN_ID}.settings.branding`, defaultMessage: 'Portal branding' },
        permissions: settingsPermissions,
        Component: () => import('./pages/BrandingSettingsPage').then((mod) => ({ default: mod.BrandingSettingsPage })),
      },
      {
        id: `${PLUGIN_ID}-sign-in`,
        to: `${PLUGIN_ID}/sign-in`,
        intlLabel: { id: `${PLUGIN_ID}.settings.signIn`, defaultMessage: 'Sign-in' },
        permissions: settingsPermissions,
        Component: () => import('./pages/SignInSettingsPage').then((mod) => ({ default: mod.SignInSettingsPage })),
      },
    ]);

    app.registerPlugin({
      id: PLUGIN_ID,
      initializer: Initializer,
      isReady: false,
      name: PLUGIN_ID,
    });
  },

  bootstrap(app: Pick<StrapiApp, 'getPlugin'>) {
    // By bootstrap every plugin has registered, so the Content Manager's panel API exists if it is installed.
    const addEditViewSidePanel = app.getPlugin('content-manager')?.apis.addEditViewSidePanel;
    if (typeof addEditViewSidePanel === 'function') {
      (addEditViewSidePanel as (panels: SidePanel[]) => void)([ContractSigningPanel]);
    }
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixPluginTranslations(data, PLUGIN_ID), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
