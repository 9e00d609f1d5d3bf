/**
 * GET /clientia/overview — admin API, for the Clientia home panel.
 */
export interface FirmOverview {
  clients: { total: number; byStatus: Record<'prospect' | 'active' | 'paused' | 'archived', number> };
  memberships: number;
  portalEnabledClients: number;
}

export interface GetFirmOverviewResponse {
  data: FirmOverview;
}
