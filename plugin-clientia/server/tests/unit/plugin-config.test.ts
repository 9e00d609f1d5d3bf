import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import config, { DEFAULT_CONFIG, type ClientiaConfig } from '../../src/config';
import { cronRuleProblem } from '../../src/config/cron';
import { parseEmailFrom } from '../../src/config/email-from';
import { assertPrivateDocumentsDir, documentsDir } from '../../src/storage/private-files';

/** The config as Strapi hands it to the validator: the app's keys over the plugin's defaults. */
const merged = (over: Record<string, unknown> = {}) => ({ ...config.default, ...over }) as Partial<ClientiaConfig> & Record<string, unknown>;
const validate = (over: Record<string, unknown>) => () => config.validator(merged(over));

describe('plugin config: defaults', () => {
  it('documents every key with its real default in the plugin README', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const shown = (value: unknown) => (Array.isArray(value) ? JSON.stringify(value).replace(/,/g, ', ') : value === '' ? "''" : String(value));
    for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
      expect({ key, row: readme.includes(`| \`${key}\` | \`${shown(value)}\` |`) }).toEqual({ key, row: true });
    }
  });

  it('accepts the defaults, and an app that sets nothing', () => {
    expect(() => config.validator({ ...DEFAULT_CONFIG })).not.toThrow();
    expect(validate({})).not.toThrow();
  });

  it('leaves the list of proxies out of the merged defaults, so an app list is not padded from the default one', () => {
    // Strapi merges with lodash's defaultsDeep, which fills a shorter array by position.
    expect(config.default.trustedProxies).toBeUndefined();
    expect(validate({ trustedProxies: ['10.0.0.5'] })).not.toThrow();
    expect(validate({ trustedProxies: [] })).not.toThrow();
  });

  it('accepts a value of every kind a firm would set', () => {
    expect(
      validate({
        portalUrl: 'https://portal.harborpine.example',
        defaultCurrency: 'EUR',
        defaultLocale: 'de-CH',
        invoiceNumberFormat: 'HP-{YY}{MM}-{SEQ:5}',
        paymentTermsDays: 14,
        invitationTtlHours: 24 * 30,
        trustedProxies: ['10.0.0.5', 'fd00::5'],
        retainerInvoiceState: 'issued',
        billingAnchor: 'calendar',
        prorateBilling: true,
        billingSchedule: '0 15 6 * * mon-fri',
        scheduledJobs: false,
        reminderDaysBeforeDue: 0,
        emailFrom: '"Keller, Brandt & Partner" <billing@keller.example>',
        documentsDir: '/var/lib/clientia/documents',
      })
    ).not.toThrow();
  });
});

describe('plugin config: refusals name the key and what it takes', () => {
  it('names an unknown key and lists the known ones', () => {
    expect(validate({ portalURL: 'https://x.example' })).toThrow(
      /^Unknown clientia plugin config "portalURL"; known keys: portalUrl, defaultCurrency, defaultLocale, invoiceNumberFormat, contractNumberFormat, creditNoteNumberFormat, paymentTermsDays, invitationTtlHours, trustedProxies, retainerInvoiceState, billingAnchor, prorateBilling, billingSchedule, scheduledJobs, reminderDaysBeforeDue, emailFrom, documentsDir, fileRoutes$/
    );
    // The key the issue calls "document storage" is the folder.
    expect(validate({ documentStorage: 'private' })).toThrow(/Unknown clientia plugin config "documentStorage"; known keys: .*documentsDir/);
  });

  it.each([
    ['portalUrl', 'portal.firm.example', /"portalUrl": must be an absolute http\(s\) URL$/],
    ['portalUrl', 'ftp://portal.firm.example', /"portalUrl"/],
    ['defaultCurrency', 'eur', /"defaultCurrency": must be a three-letter ISO 4217 code such as EUR$/],
    ['defaultCurrency', 'EURO', /"defaultCurrency"/],
    ['defaultLocale', 'not a locale!', /"defaultLocale": must be a BCP 47 locale such as en or de-CH$/],
    ['defaultLocale', 42, /"defaultLocale"/],
    ['invoiceNumberFormat', 'INV-{SEQ}', /"invoiceNumberFormat": must contain \{YYYY\} or \{YY\}/],
    ['invoiceNumberFormat', 'INV-{YYYY}', /"invoiceNumberFormat": must contain exactly one \{SEQ\}/],
    ['invoiceNumberFormat', 'INV-{YYYY}-{SEQ}-{DD}', /"invoiceNumberFormat": has an unknown \{token\}/],
    ['contractNumberFormat', 'C {YYYY}/{SEQ}', /"contractNumberFormat": may only contain/],
    ['creditNoteNumberFormat', 'INV-{YYYY}-{SEQ}', /"creditNoteNumberFormat": must differ from invoiceNumberFormat/],
    ['paymentTermsDays', 0, /"paymentTermsDays": must be a whole number from 1 to 365$/],
    ['paymentTermsDays', 14.5, /"paymentTermsDays"/],
    ['paymentTermsDays', Number.NaN, /"paymentTermsDays"/],
    ['invitationTtlHours', 100000, /"invitationTtlHours": must be a whole number from 1 to 720$/],
    ['invitationTtlHours', '72', /"invitationTtlHours"/],
    ['trustedProxies', ['10.0.0.5', 'proxy.internal'], /"trustedProxies": must be a list of IP addresses such as \["127.0.0.1", "10.0.0.5"\]$/],
    ['trustedProxies', '10.0.0.5', /"trustedProxies"/],
    ['retainerInvoiceState', 'sent', /"retainerInvoiceState": must be draft or issued$/],
    ['billingAnchor', 'month', /"billingAnchor": must be start-date or calendar$/],
    ['prorateBilling', 'true', /"prorateBilling": must be true or false$/],
    ['scheduledJobs', 'false', /"scheduledJobs": must be true or false$/],
    ['scheduledJobs', 0, /"scheduledJobs"/],
    ['billingSchedule', 5, /"billingSchedule": must be a cron rule of 5 fields \(minute hour day-of-month month day-of-week\) or 6 \(second first\), such as "5 \* \* \* \*"$/],
    ['billingSchedule', 'hourly', /"billingSchedule": must be a cron rule .*; it has 1 fields$/],
    ['billingSchedule', '5 * * *', /"billingSchedule": .*; it has 4 fields$/],
    ['billingSchedule', '0 5 * * * * 2027', /"billingSchedule": .*; it has 7 fields$/],
    ['billingSchedule', '60 * * * *', /"billingSchedule": .*; 60 is outside the minute field's 0-59$/],
    ['billingSchedule', '5 24 * * *', /"billingSchedule": .*; 24 is outside the hour field's 0-23$/],
    ['billingSchedule', '*/0 * * * *', /"billingSchedule": .*; the step in "\*\/0" \(minute\) must be from 1 to 60$/],
    ['billingSchedule', '0 9-5 * * *', /"billingSchedule": .*; the range "9-5" \(hour\) runs backwards$/],
    ['billingSchedule', '0 9 * * monday', /"billingSchedule": .*; "monday" is neither a number nor a day-of-week name \(sun, mon, tue, wed, thu, fri, sat\)$/],
    ['billingSchedule', '0 9 L * *', /"billingSchedule": .*; "L" is not a number$/],
    ['billingSchedule', '0 9 1,,15 * *', /"billingSchedule": .*; the day-of-month field "1,,15" has an empty list entry$/],
    ['billingSchedule', '0 0 31 2 *', /"billingSchedule": .*; it never runs: none of its months has any of its days$/],
    ['billingSchedule', '@every 1h', /"billingSchedule": .*; "@every 1h" is not one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly$/],
    ['reminderDaysBeforeDue', -1, /"reminderDaysBeforeDue": must be a whole number from 0 to 60$/],
    ['reminderDaysBeforeDue', 2.5, /"reminderDaysBeforeDue"/],
    ['emailFrom', 'billing@', /"emailFrom": must be empty, an email address or Name <address>, such as "Harbor & Pine <billing@harborpine.example>"$/],
    ['emailFrom', 'Harbor & Pine', /"emailFrom"/],
    ['emailFrom', 'Keller, Brandt <mail@keller.example>', /"emailFrom"/],
    ['emailFrom', 'Firm <mail@firm.example>\r\nBcc: x@evil.example', /"emailFrom"/],
    ['emailFrom', null, /"emailFrom"/],
    ['documentsDir', 42, /"documentsDir": must be a folder path, or empty for \.data\/documents in the app$/],
    ['documentsDir', '/var/lib/clientia\0/documents', /"documentsDir"/],
  ])('refuses %s = %p', (key, value, message) => {
    const run = validate({ [key]: value });
    expect(run).toThrow(new RegExp(`^Invalid clientia plugin config "${key}": `));
    expect(run).toThrow(message);
  });
});

describe('documentsDir', () => {
  const APP = path.resolve('/srv/firm-site');
  const strapiWith = (folder: string) =>
    ({
      dirs: { app: { root: APP }, static: { public: path.join(APP, 'public') } },
      config: { get: (key: string, fallback: unknown) => (key === 'plugin::clientia.documentsDir' ? folder : fallback) },
    }) as unknown as Core.Strapi;

  it('is .data/documents in the app by default, and a relative folder is taken from the app root', () => {
    expect(documentsDir(strapiWith(''))).toBe(path.join(APP, '.data', 'documents'));
    expect(documentsDir(strapiWith('private/clientia'))).toBe(path.join(APP, 'private', 'clientia'));
    expect(documentsDir(strapiWith('/var/lib/clientia'))).toBe(path.resolve('/var/lib/clientia'));
  });

  it.each(['public', 'public/uploads/documents', path.join(APP, 'public', 'x')])('refuses to start with %p, inside the public folder', (folder) => {
    expect(() => assertPrivateDocumentsDir(strapiWith(folder))).toThrow(
      /^Invalid clientia plugin config "documentsDir": .* is inside the public folder .*, which Strapi serves to anyone; choose a folder outside it$/
    );
  });

  it.each(['', '.data/documents', 'public-files', '..', '/var/lib/clientia'])('starts with %p', (folder) => {
    expect(() => assertPrivateDocumentsDir(strapiWith(folder))).not.toThrow();
  });
});

describe('emailFrom', () => {
  it.each([
    ['billing@harborpine.example', { name: '', email: 'billing@harborpine.example' }],
    ['  Harbor & Pine <billing@harborpine.example> ', { name: 'Harbor & Pine', email: 'billing@harborpine.example' }],
    ['"Keller, Brandt & Partner" <mail@keller.example>', { name: 'Keller, Brandt & Partner', email: 'mail@keller.example' }],
    ['"Say \\"hi\\"" <hi@firm.example>', { name: 'Say "hi"', email: 'hi@firm.example' }],
  ])('reads %p', (value, sender) => {
    expect(parseEmailFrom(value)).toEqual(sender);
  });

  it.each(['', '<billing@firm.example>', '"" <billing@firm.example>', 'Firm <billing@firm.example', 'Firm <a@b.example> <c@d.example>', 'Firm <bill,ing@firm.example>', 'Firm\n<a@b.example>'])(
    'refuses %p',
    (value) => {
      expect(parseEmailFrom(value)).toBeNull();
    }
  );
});

/**
 * Strapi's cron service parses rules with croner. It is no dependency of the plugin, so it is
 * loaded here the way Strapi loads it, to hold the plugin's own check against the real parser.
 */
const croner = (() => {
  const fromStrapi = createRequire(require.resolve('@strapi/strapi'));
  const fromCore = createRequire(fromStrapi.resolve('@strapi/core'));
  return fromCore('croner') as {
    Cron: new (pattern: string, options: Record<string, unknown>) => { nextRun(): Date | null; stop(): void };
  };
})();

/** What Strapi's cron service makes of a rule: whether croner takes it, and whether it ever runs. */
const strapiCron = (rule: string) => {
  try {
    // The options Strapi's cron service passes (paused until the server starts, sloppy ranges).
    const job = new croner.Cron(rule, { paused: true, sloppyRanges: true });
    const runs = job.nextRun() !== null;
    job.stop();
    return runs ? 'runs' : 'never runs';
  } catch {
    return 'refused';
  }
};

describe('billingSchedule against the cron parser Strapi uses', () => {
  const accepted = [
    '5 * * * *',
    '0 * * * *',
    '*/15 * * * *',
    '15 6 * * *',
    '0 6 * * mon-fri',
    '0 6 * * MON-FRI',
    '0 6 * * 1-5',
    '0 6 * * sat-sun',
    '0 6 * * 5-7',
    '0 6 * * 0-7',
    '0 6 * * sun/2',
    '0 6 * * mon-sun/2',
    '0 6 1 * *',
    '0 6 1,15 * *',
    '0 6 1 jan,apr,jul,oct *',
    '0 6 1 */3 *',
    '0 6 * dec/1 *',
    '0 6 31 * *',
    '0 0 29 2 *',
    '0 0 31 2 mon',
    '5/15 * * * *',
    '0-59/60 * * * *',
    '0 */24 * * *',
    '00 06 * * *',
    '  5   *  * * *  ',
    '30 5 * * * *',
    '*/59 * * * * *',
    '@hourly',
    '@DAILY',
    '@weekly',
    '@monthly',
    '@yearly',
    '@annually',
    '@midnight',
  ];
  it.each(accepted)('accepts %p, which Strapi runs', (rule) => {
    expect(cronRuleProblem(rule)).toBeNull();
    expect(strapiCron(rule)).toBe('runs');
  });

  const refused = [
    '',
    '* * * *',
    '* * * * * * * *',
    '60 * * * *',
    '0 24 * * *',
    '0 0 0 * *',
    '0 0 32 * *',
    '0 0 1 0 *',
    '0 0 1 13 *',
    '0 0 * * 8',
    '*/0 * * * *',
    '*/61 * * * * *',
    '0 0 * * */8',
    '0 0 */32 * *',
    '0 0 * */13 *',
    '1-5/0 * * * *',
    '5-4 * * * *',
    '0 0 * * 7-1',
    '*/5-3 * * * *',
    '-1 * * * *',
    '+5 * * * *',
    '1,2,,3 * * * *',
    ',1 * * * *',
    '0 0 * * monday',
    '0 0 * * 7/2',
    '@every',
  ];
  it.each(refused)('refuses %p, which Strapi refuses too', (rule) => {
    expect(cronRuleProblem(rule)).not.toBeNull();
    expect(strapiCron(rule)).toBe('refused');
  });

  it.each(['0 0 31 2 *', '0 0 30,31 2 *', '0 0 31 4,6 *'])('refuses %p, which Strapi takes but never runs', (rule) => {
    expect(cronRuleProblem(rule)).toMatch(/never runs/);
    expect(strapiCron(rule)).toBe('never runs');
  });

  it.each(['0 0 L * *', '0 0 15W * *', '0 0 * * 5#2', '0 0 * * +mon', '0 0 ? * *', '0 0 1 1 * 2030'])(
    'refuses %p, which croner would take, as outside the plain cron rules the docs describe',
    (rule) => {
      expect(cronRuleProblem(rule)).not.toBeNull();
    }
  );

  it('never accepts a rule that Strapi would refuse or never run (random rules)', () => {
    // A small seeded generator: the same rules on every run.
    let seed = 20261129;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // Mostly numbers around the fields' edges, some names, a few things that are never valid.
    const others = ['*', '*', '59', '60', 'jan', 'dec', 'sun', 'mon', 'sat', 'x', ''];
    const atom = () => (random(3) > 0 ? String(random(33)) : others[random(others.length)]!);
    const item = () => {
      const base = atom();
      const shape = random(4);
      const withRange = shape === 1 || shape === 3 ? `${base}-${atom()}` : base;
      return shape >= 2 ? `${withRange}/${random(14)}` : withRange;
    };
    const field = () => Array.from({ length: 1 + random(2) }, item).join(',');
    let agreed = 0;
    for (let n = 0; n < 5000; n++) {
      const rule = Array.from({ length: 5 + random(2) }, field).join(' ');
      if (cronRuleProblem(rule) === null) {
        expect([rule, strapiCron(rule)]).toEqual([rule, 'runs']);
        agreed++;
      }
    }
    // The generator must reach accepted rules at all, or the loop proves nothing.
    expect(agreed).toBeGreaterThan(100);
  });
});
