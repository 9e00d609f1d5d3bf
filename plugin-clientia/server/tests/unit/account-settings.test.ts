import {
  STOCK_RESET_MESSAGE,
  STOCK_RESET_SUBJECT,
  STOCK_SENDER,
  decideSetting,
  planSettings,
  type SettingKey,
  type UsersPermissionsSettings,
} from '../../src/accounts/account-settings';

const PORTAL_RESET = 'https://portal.firm.example/reset-password';
const APP_RESET = 'https://www.northbank.example/account/reset-password';
const FIRM = { name: 'Ledger & Lark', email: 'clients@ledgerlark.example' };
const TEXT = { object: 'Reset your password', message: '<p>Hello,</p>\n\n<p>Open <%= URL %>?code=<%= TOKEN %></p>' };

/** users-permissions' objects as its bootstrap seeds them (the parts that matter here). */
const stock = (): UsersPermissionsSettings => ({
  advanced: { unique_email: true, allow_register: true, email_reset_password: null, default_role: 'authenticated' },
  emails: {
    reset_password: {
      display: 'Email.template.reset_password',
      options: { from: { ...STOCK_SENDER }, response_email: '', object: STOCK_RESET_SUBJECT, message: STOCK_RESET_MESSAGE },
    },
    email_confirmation: {
      display: 'Email.template.email_confirmation',
      options: { from: { ...STOCK_SENDER }, response_email: '', object: 'Account confirmation', message: '<p>Thank you for registering!</p>' },
    },
  },
});

const wanted = (changes: Partial<Record<SettingKey, unknown>> = {}): Record<SettingKey, unknown> => ({
  'advanced.email_reset_password': PORTAL_RESET,
  'email.reset_password.from': FIRM,
  'email.reset_password.response_email': 'help@ledgerlark.example',
  'email.reset_password.text': TEXT,
  'email.email_confirmation.from': FIRM,
  'email.email_confirmation.response_email': 'help@ledgerlark.example',
  ...changes,
});

describe('whose a users-permissions setting is', () => {
  const state = { stock: [''], lastWritten: 'https://old.portal.example/reset-password', wanted: PORTAL_RESET };

  it('is Clientia’s while it holds the stock value, what Clientia wrote last, or what it would write now', () => {
    for (const current of ['', 'https://old.portal.example/reset-password', PORTAL_RESET]) {
      expect(decideSetting({ ...state, current })).toEqual({ owner: 'clientia', value: PORTAL_RESET });
    }
  });

  it('is the app’s with any other value, which then stays', () => {
    expect(decideSetting({ ...state, current: APP_RESET })).toEqual({ owner: 'app', value: APP_RESET });
    expect(decideSetting({ ...state, lastWritten: undefined, current: 'https://old.portal.example/reset-password' })).toEqual({
      owner: 'app',
      value: 'https://old.portal.example/reset-password',
    });
  });

  it('compares objects by content, not by key order', () => {
    expect(decideSetting({ stock: [{ name: '', email: '' }], lastWritten: undefined, wanted: FIRM, current: { email: '', name: '' } }).owner).toBe('clientia');
  });
});

describe('planning the writes into users-permissions', () => {
  it('takes every stock setting in a fresh app, records what it wrote, and changes nothing on a second run', () => {
    const plan = planSettings(stock(), {}, wanted());
    expect(plan.kept).toEqual([]);
    expect(plan).toMatchObject({ advancedChanged: true, emailsChanged: true, writtenChanged: true });
    expect(plan.settings.advanced).toEqual({ ...stock().advanced, email_reset_password: PORTAL_RESET });
    expect(plan.settings.emails.reset_password).toEqual({
      display: 'Email.template.reset_password',
      options: { from: FIRM, response_email: 'help@ledgerlark.example', ...TEXT },
    });
    // The confirmation template keeps its own text: only its sender and reply-to are Clientia's.
    expect(plan.settings.emails.email_confirmation?.options).toMatchObject({ from: FIRM, object: 'Account confirmation' });
    expect(plan.written).toEqual(wanted());

    const again = planSettings(plan.settings, plan.written, wanted());
    expect(again).toMatchObject({ advancedChanged: false, emailsChanged: false, writtenChanged: false, kept: [] });
    expect(again.settings).toBe(plan.settings);
  });

  it('leaves the app’s own reset page and sender alone, and with its page the stock text, while taking the rest', () => {
    const current = stock();
    current.advanced.email_reset_password = APP_RESET;
    current.emails.reset_password!.options!.from = { name: 'Northbank Studio', email: 'hello@northbank.example' };
    const plan = planSettings(current, {}, wanted());
    expect(plan.kept).toEqual(['advanced.email_reset_password', 'email.reset_password.from', 'email.reset_password.text']);
    expect(plan.advancedChanged).toBe(false);
    expect(plan.settings.advanced).toBe(current.advanced);
    // The portal's text would tell the app's own users about a client portal.
    expect(plan.settings.emails.reset_password?.options).toMatchObject({ from: { name: 'Northbank Studio', email: 'hello@northbank.example' }, response_email: 'help@ledgerlark.example', object: 'Reset password' });
    expect(plan.settings.emails.reset_password?.options?.message).toContain('We heard that you lost your password');
    expect(Object.keys(plan.written)).not.toContain('email.reset_password.text');
    expect(plan.settings.emails.email_confirmation?.options?.from).toEqual(FIRM);
    expect(Object.keys(plan.written)).not.toContain('advanced.email_reset_password');
    expect(Object.keys(plan.written)).not.toContain('email.reset_password.from');
  });

  it('takes its text back out, to the stock one, when the app later points the reset link at its own page', () => {
    const first = planSettings(stock(), {}, wanted());
    expect(first.settings.emails.reset_password?.options).toMatchObject(TEXT);
    const later = { ...first.settings, advanced: { ...first.settings.advanced, email_reset_password: APP_RESET } };
    const plan = planSettings(later, first.written, wanted());
    expect(plan.kept).toEqual(['advanced.email_reset_password', 'email.reset_password.text']);
    expect(plan.settings.emails.reset_password?.options).toMatchObject({ object: 'Reset password' });
    expect(plan.settings.emails.reset_password?.options?.message).toContain('We heard that you lost your password');
    expect(plan.emailsChanged).toBe(true);
    expect(Object.keys(plan.written)).not.toContain('email.reset_password.text');
    // A text the app wrote itself stays, page or not.
    const own = { object: 'Your Northbank password', message: '<p><%= URL %>?code=<%= TOKEN %></p>' };
    const withOwnText = { ...later, emails: { ...later.emails, reset_password: { ...later.emails.reset_password, options: { ...later.emails.reset_password!.options, ...own } } } };
    expect(planSettings(withOwnText, plan.written, wanted()).settings.emails.reset_password?.options).toMatchObject(own);
    // And a second run changes nothing.
    const again = planSettings(plan.settings, plan.written, wanted());
    expect([again.emailsChanged, again.advancedChanged, again.writtenChanged]).toEqual([false, false, false]);
  });

  it('follows the branding with a sender it wrote, and keeps its record of one the app has since changed', () => {
    const first = planSettings(stock(), {}, wanted());
    const renamed = { name: 'Ledger, Lark & Co', email: FIRM.email };
    const next = planSettings(first.settings, first.written, wanted({ 'email.reset_password.from': renamed, 'email.email_confirmation.from': renamed }));
    expect(next.settings.emails.reset_password?.options?.from).toEqual(renamed);
    expect(next.written['email.reset_password.from']).toEqual(renamed);

    const byApp = structuredClone(next.settings);
    byApp.emails.reset_password!.options!.from = { name: 'Northbank Studio', email: 'hello@northbank.example' };
    const kept = planSettings(byApp, next.written, wanted());
    expect(kept.kept).toEqual(['email.reset_password.from']);
    expect(kept.settings.emails.reset_password?.options?.from).toEqual({ name: 'Northbank Studio', email: 'hello@northbank.example' });
    expect(kept.written['email.reset_password.from']).toEqual(renamed);
  });

  it('counts users-permissions’ stock text as stock however its lines are wrapped, and any edit of it as the app’s', () => {
    const reflowed = stock();
    reflowed.emails.reset_password!.options!.message = STOCK_RESET_MESSAGE.replace(/\n+/g, '\r\n');
    expect(planSettings(reflowed, {}, wanted()).settings.emails.reset_password?.options).toMatchObject(TEXT);

    const edited = stock();
    edited.emails.reset_password!.options!.message = `${STOCK_RESET_MESSAGE}\n<p>The Northbank team</p>`;
    const plan = planSettings(edited, {}, wanted());
    expect(plan.kept).toEqual(['email.reset_password.text']);
    expect(plan.settings.emails.reset_password?.options).toMatchObject({ object: STOCK_RESET_SUBJECT, message: `${STOCK_RESET_MESSAGE}\n<p>The Northbank team</p>` });

    const ownSubject = stock();
    ownSubject.emails.reset_password!.options!.object = 'Your Northbank password';
    expect(planSettings(ownSubject, {}, wanted()).kept).toEqual(['email.reset_password.text']);
  });

  it('counts an empty value as stock: a cleared reset page, no sender, no reply-to', () => {
    const cleared = stock();
    cleared.advanced.email_reset_password = '';
    cleared.emails.reset_password!.options!.from = { name: '', email: '' };
    delete cleared.emails.reset_password!.options!.response_email;
    const plan = planSettings(cleared, {}, wanted());
    expect(plan.kept).toEqual([]);
    expect(plan.settings.advanced.email_reset_password).toBe(PORTAL_RESET);
    expect(plan.settings.emails.reset_password?.options).toMatchObject({ from: FIRM, response_email: 'help@ledgerlark.example' });
  });

  it('skips a template that is not there rather than writing half of one', () => {
    const current = stock();
    delete current.emails.email_confirmation;
    const plan = planSettings(current, {}, wanted());
    expect(plan.settings.emails).not.toHaveProperty('email_confirmation');
    expect(Object.keys(plan.written)).not.toContain('email.email_confirmation.from');
  });
});
