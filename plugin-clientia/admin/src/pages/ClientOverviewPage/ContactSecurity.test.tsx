import { act, fireEvent, screen, within } from '@testing-library/react';

import type { ClientSignInSecurity } from '../../../../shared/contracts/admin-sign-in';
import { clientOverview } from '../../../tests/fixtures';
import { renderInAdmin } from '../../../tests/render';
import { ClientOverviewView } from './components/ClientOverviewView';
import { twoFactorRequiredBy, withContact, type ContactSignInControls } from './signIn';

// The contacts panel's editors talk to the admin API; these tests only show sign-in security.
jest.mock('../../api/client', () => ({ clientiaApi: {} }));

const security = (changes: Partial<ClientSignInSecurity> = {}): ClientSignInSecurity => ({
  requireTwoFactor: false,
  portalRequiresTwoFactor: false,
  contacts: [
    { membershipId: 'm-1', twoFactor: { enabled: true, enabledAt: '2026-10-05T09:00:00.000Z' }, passkeys: 2, activeSessions: 1 },
    { membershipId: 'm-2', twoFactor: { enabled: false, enabledAt: null }, passkeys: 0, activeSessions: 0 },
  ],
  ...changes,
});

const controls = (changes: Partial<ContactSignInControls> = {}): ContactSignInControls => ({
  security: security(),
  failed: false,
  canManage: true,
  onRequireTwoFactor: jest.fn().mockResolvedValue(undefined),
  onResetTwoFactor: jest.fn().mockResolvedValue(undefined),
  ...changes,
});

const renderContacts = (signIn: ContactSignInControls) => renderInAdmin(<ClientOverviewView overview={clientOverview()} signIn={signIn} />);

const rowOf = (name: string) => screen.getByText(name).closest('tr')!;
const rule = () => screen.getByRole('checkbox', { name: /^Contacts of this client must use two-factor authentication/ }) as HTMLInputElement;

describe('Contacts: sign-in security', () => {
  it('shows for each contact whether two-factor is on and how many passkeys they have', () => {
    renderContacts(controls());
    const jonas = rowOf('Jonas Weber');
    expect(within(jonas).getByText('On')).toBeTruthy();
    expect(within(jonas).getByText('since Oct 5, 2026')).toBeTruthy();
    expect(within(jonas).getByText('2 passkeys')).toBeTruthy();

    const lea = rowOf('Lea Braun');
    expect(within(lea).getByText('Off')).toBeTruthy();
    expect(within(lea).getByText('None')).toBeTruthy();
  });

  it('offers a reset only for contacts who use two-factor, and only to staff who manage records', () => {
    const { unmount } = renderContacts(controls());
    expect(within(rowOf('Jonas Weber')).getByRole('button', { name: 'Reset two-factor authentication of Jonas Weber' })).toBeTruthy();
    expect(within(rowOf('Lea Braun')).queryByRole('button')).toBeNull();
    unmount();

    renderContacts(controls({ canManage: false }));
    expect(screen.queryByRole('button', { name: /Reset two-factor/ })).toBeNull();
    expect(rule().disabled).toBe(true);
    expect(screen.getByText('Changing this needs the permission to manage client records.')).toBeTruthy();
  });

  it('asks for confirmation before resetting, and resets the contact once confirmed', async () => {
    const signIn = controls();
    renderContacts(signIn);
    fireEvent.click(within(rowOf('Jonas Weber')).getByRole('button', { name: /Reset two-factor/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Reset two-factor authentication of Jonas Weber?')).toBeTruthy();
    expect(within(dialog).getByText(/jonas@acme\.example\) loses their authenticator app and recovery codes, and is signed out of the portal everywhere/)).toBeTruthy();
    expect(within(dialog).getByText(/set up a new authenticator app from their account page/)).toBeTruthy();
    expect(within(dialog).getByText(/Make sure the request really comes from Jonas Weber/)).toBeTruthy();
    expect(signIn.onResetTwoFactor).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Reset two-factor' }));
    });
    expect(signIn.onResetTwoFactor).toHaveBeenCalledTimes(1);
    expect(signIn.onResetTwoFactor).toHaveBeenCalledWith(expect.objectContaining({ membershipId: 'm-1', name: 'Jonas Weber' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('resets nothing when the dialog is cancelled', async () => {
    const signIn = controls();
    renderContacts(signIn);
    fireEvent.click(within(rowOf('Jonas Weber')).getByRole('button', { name: /Reset two-factor/ }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(signIn.onResetTwoFactor).not.toHaveBeenCalled();
  });

  it('tells staff a contact who must use two-factor sets up a new app at the next sign-in', async () => {
    renderContacts(controls({ security: security({ requireTwoFactor: true }) }));
    fireEvent.click(within(rowOf('Jonas Weber')).getByRole('button', { name: /Reset two-factor/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/required for them, so they set up a new authenticator app the next time they sign in/)).toBeTruthy();
  });

  it("switches the client's own two-factor rule", async () => {
    const signIn = controls();
    renderContacts(signIn);
    expect(rule().checked).toBe(false);
    await act(async () => {
      fireEvent.click(rule());
    });
    expect(signIn.onRequireTwoFactor).toHaveBeenCalledWith(true);
  });

  it('says when the whole portal requires two-factor, whatever the client says', () => {
    renderContacts(controls({ security: security({ portalRequiresTwoFactor: true }) }));
    expect(screen.getByText('Required for the whole portal')).toBeTruthy();
    expect(rule().checked).toBe(false);
  });

  it('still lists the contacts when their sign-in security could not be loaded', () => {
    renderContacts(controls({ security: null, failed: true }));
    expect(screen.getByText('Sign-in security not available')).toBeTruthy();
    expect(within(rowOf('Jonas Weber')).getByText('Owner')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Reset two-factor/ })).toBeNull();
  });

  it('keeps the rule within reach when the client has no contacts yet', () => {
    renderInAdmin(<ClientOverviewView overview={{ ...clientOverview(), contacts: [] }} signIn={controls({ security: security({ contacts: [] }) })} />);
    expect(screen.getByText(/No contacts yet/)).toBeTruthy();
    expect(rule()).toBeTruthy();
  });
});

describe('sign-in security rules', () => {
  it('puts a reset contact in place and names who requires two-factor', () => {
    const reset = { membershipId: 'm-1', twoFactor: { enabled: false, enabledAt: null }, passkeys: 2, activeSessions: 0 };
    expect(withContact(security(), reset).contacts).toEqual([reset, security().contacts[1]]);
    expect(twoFactorRequiredBy(security())).toBeNull();
    expect(twoFactorRequiredBy(security({ requireTwoFactor: true }))).toBe('client');
    expect(twoFactorRequiredBy(security({ requireTwoFactor: true, portalRequiresTwoFactor: true }))).toBe('portal');
    expect(twoFactorRequiredBy(null)).toBeNull();
  });
});
