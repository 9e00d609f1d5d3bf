export const PLUGIN_ID = 'clientia';
