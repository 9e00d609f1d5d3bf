import type { ReactElement } from 'react';
import { DesignSystemProvider } from '@strapi/design-system';
import { render } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { MemoryRouter } from 'react-router-dom';

import { PLUGIN_ID } from '../src/pluginId';
import en from '../src/translations/en.json';
import { prefixPluginTranslations } from '../src/utils/prefixPluginTranslations';

const messages = prefixPluginTranslations(en, PLUGIN_ID);

/** Renders a panel the way the admin does: design system, the plugin's English messages, a router. */
export const renderInAdmin = (ui: ReactElement, { route = '/plugins/clientia' } = {}) =>
  render(
    <IntlProvider locale="en" messages={messages} onError={(error) => { throw error; }}>
      <DesignSystemProvider locale="en">
        <MemoryRouter initialEntries={[route]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          {ui}
        </MemoryRouter>
      </DesignSystemProvider>
    </IntlProvider>
  );
