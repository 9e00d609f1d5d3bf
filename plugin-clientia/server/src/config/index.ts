import { PLUGIN_ID } from '../../../shared/plugin';

export interface ClientiaConfig {
  /** Public address of the client portal, e.g. https://portal.yourfirm.com (used in links and emails). */
  portalUrl: string;
  /** ISO 4217 code used when a client has no currency of its own. */
  defaultCurrency: string;
  /** Locale used when neither the contact nor the client has one (BCP 47). */
  defaultLocale: string;
}

const defaults: ClientiaConfig = {
  portalUrl: 'http://localhost:4321',
  defaultCurrency: 'USD',
  defaultLocale: 'en',
};

const fail = (key: keyof ClientiaConfig, message: string): never => {
  throw new Error(`Invalid ${PLUGIN_ID} plugin config "${key}": ${message}`);
};

const validator = (config: Partial<ClientiaConfig> & Record<string, unknown>) => {
  const known = new Set<string>(Object.keys(defaults));
  for (const key of Object.keys(config)) {
    if (!known.has(key)) {
      throw new Error(
        `Unknown ${PLUGIN_ID} plugin config "${key}"; known keys: ${[...known].join(', ')}`
      );
    }
  }
  if (typeof config.portalUrl !== 'string' || !/^https?:\/\/[^\s/]+/.test(config.portalUrl)) {
    fail('portalUrl', 'must be an absolute http(s) URL');
  }
  if (typeof config.defaultCurrency !== 'string' || !/^[A-Z]{3}$/.test(config.defaultCurrency)) {
    fail('defaultCurrency', 'must be a three-letter ISO 4217 code such as EUR');
  }
  if (typeof config.defaultLocale !== 'string') {
    fail('defaultLocale', 'must be a BCP 47 locale such as en or de-CH');
  } else {
    try {
      new Intl.Locale(config.defaultLocale);
    } catch {
      fail('defaultLocale', 'must be a BCP 47 locale such as en or de-CH');
    }
  }
};

export default {
  default: defaults,
  validator,
};
