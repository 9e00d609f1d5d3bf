/**
 * GET /clientia/overview — admin API, for the Clientia home panel.
 */
export interface FirmOverview {
  clients: { total: number; byStatus: Record<'prospect' | 'active' | 'paused' | 'archived', number> };
  memberships: number;
  portalEnabledClients: number;
}

export namespace GetFirmOverview {
  export interface Response {
    data: FirmOverview;
  }
}
