import { getFetchClient } from '@strapi/strapi/admin';

import type { GetFirmOverviewResponse } from '../../../shared/contracts/overview';
import { PLUGIN_ID } from '../pluginId';

/** The admin panel's only door to the plugin's admin API. */
export const clientiaApi = {
  async getOverview() {
    const { get } = getFetchClient();
    const { data } = await get<GetFirmOverviewResponse>(`/${PLUGIN_ID}/overview`);
    return data.data;
  },
};
