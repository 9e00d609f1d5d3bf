import { useState } from 'react';
import { fireEvent, screen } from '@testing-library/react';

import type { AdminSignInSettings } from '../../../../shared/contracts/admin-sign-in';
import { renderInAdmin } from '../../../tests/render';
import de from '../../translations/de.json';
import en from '../../translations/en.json';
import { SignInSettingsForm } from './components/SignInSettingsForm';
import { signInChanges } from './signInForm';

const DEFAULTS: AdminSignInSettings = { magicLinks: true, requireTwoFactor: false };

/** The form with its own state, the way the settings page drives it. */
const EditableForm = ({ initial = DEFAULTS, readOnly = false, onChange = () => {} }: {
  initial?: AdminSignInSettings;
  readOnly?: boolean;
  onChange?: (changes: Partial<AdminSignInSettings>) => void;
}) => {
  const [value, setValue] = useState(initial);
  return (
    <SignInSettingsForm
      draft={value}
      readOnly={readOnly}
      onChange={(changes) => {
        onChange(changes);
        setValue((previous) => ({ ...previous, ...changes }));
      }}
    />
  );
};

const toggle = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const magicLinks = () => toggle(/^Contacts may ask for a sign-in link by email/);
const requireTwoFactor = () => toggle(/^Every contact must use two-factor authentication/);

describe('Sign-in settings', () => {
  it('shows both settings as they are saved, with what each means', () => {
    renderInAdmin(<EditableForm />);
    expect(magicLinks().checked).toBe(true);
    expect(requireTwoFactor().checked).toBe(false);
    expect(screen.getByText(/A link works once and expires after 15 minutes/)).toBeTruthy();
    expect(screen.getByText(/Signing in with a passkey counts as two factors/)).toBeTruthy();
    expect(screen.getByText(/use the switch in the client's Contacts tab/)).toBeTruthy();
    expect(screen.queryByText('Contacts without two-factor authentication')).toBeNull();
  });

  it('reports each switch as a change and explains what requiring two-factor does', () => {
    const onChange = jest.fn();
    renderInAdmin(<EditableForm onChange={onChange} />);
    fireEvent.click(magicLinks());
    expect(onChange).toHaveBeenLastCalledWith({ magicLinks: false });
    expect(magicLinks().checked).toBe(false);

    fireEvent.click(requireTwoFactor());
    expect(onChange).toHaveBeenLastCalledWith({ requireTwoFactor: true });
    expect(screen.getByText('Contacts without two-factor authentication')).toBeTruthy();
    expect(screen.getByText(/asked to set one up the next time they sign in with their password/)).toBeTruthy();
  });

  it('locks both switches for staff who may only read the settings', () => {
    renderInAdmin(<EditableForm readOnly />);
    expect(magicLinks().disabled).toBe(true);
    expect(requireTwoFactor().disabled).toBe(true);
  });
});

describe('sign-in settings rules', () => {
  it('sends only what differs from the saved settings', () => {
    expect(signInChanges(DEFAULTS, DEFAULTS)).toEqual({});
    expect(signInChanges(DEFAULTS, { magicLinks: true, requireTwoFactor: true })).toEqual({ requireTwoFactor: true });
    expect(signInChanges(DEFAULTS, { magicLinks: false, requireTwoFactor: true })).toEqual({ magicLinks: false, requireTwoFactor: true });
  });

  it('has every sign-in text in German too', () => {
    const signInKeys = (messages: Record<string, string>) =>
      Object.keys(messages).filter((key) => /^(signInSettings\.|client\.signIn\.|resetTwoFactor\.|client\.contacts\.(twoFactor|passkeys|resetTwoFactor))/.test(key));
    expect(signInKeys(en).length).toBeGreaterThan(20);
    expect(signInKeys(de)).toEqual(signInKeys(en));
  });
});
