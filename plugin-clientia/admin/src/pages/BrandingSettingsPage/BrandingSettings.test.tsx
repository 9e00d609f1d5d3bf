import { useState } from 'react';
import { fireEvent, screen } from '@testing-library/react';

import { renderInAdmin } from '../../../tests/render';
import { adjustForContrast } from '../../../../shared/colors';
import { brandContrast, checkBranding, formatRatio, portalColours, toBrandingUpdate, type BrandingDraft } from './brandingForm';
import { BrandingForm } from './components/BrandingForm';

const draft = (changes: Partial<BrandingDraft> = {}): BrandingDraft => ({
  firmName: 'Keller & Partner',
  logo: null,
  favicon: null,
  primaryColor: '#1f3a5f',
  accentColor: '#0b6e4f',
  portalUrl: 'https://portal.keller.example',
  supportEmail: 'help@keller.example',
  emailSenderName: 'Keller & Partner',
  emailSenderAddress: 'portal@keller.example',
  footerText: 'Hauptstraße 1, Berlin',
  legalText: '',
  firmAddress: 'Hauptstraße 1\n10115 Berlin',
  taxId: 'DE123456789',
  paymentInstructions: '',
  defaultLocale: 'de',
  ...changes,
});

/** The form with its own state, the way the settings page drives it. */
const EditableForm = ({ initial, readOnly = false }: { initial: BrandingDraft; readOnly?: boolean }) => {
  const [value, setValue] = useState(initial);
  return (
    <BrandingForm
      draft={value}
      errors={{}}
      readOnly={readOnly}
      onChange={(changes) => setValue((previous) => ({ ...previous, ...changes }))}
      onChooseMedia={() => {}}
    />
  );
};

const primaryInput = () => screen.getByRole('textbox', { name: /^Primary colour/ }) as HTMLInputElement;

describe('Portal branding', () => {
  it('warns, with the ratio, when white text on a light primary colour fails WCAG AA', () => {
    renderInAdmin(<EditableForm initial={draft({ primaryColor: '#f5d76e' })} />);
    expect(screen.getByText('Low contrast')).toBeTruthy();
    expect(screen.getByText(/White text on this primary colour has a contrast of only 1\.\d\d:1; WCAG AA needs at least 4\.50:1/)).toBeTruthy();
    expect(screen.getByText(/White text on the primary colour: 1\.\d\d:1, below WCAG AA/)).toBeTruthy();
  });

  it('shows the readable colour the portal will use instead of a failing one, as a swatch and its code', () => {
    const { container } = renderInAdmin(<EditableForm initial={draft({ primaryColor: '#F5D76E', accentColor: '#ffd700' })} />);
    const primary = adjustForContrast('#f5d76e', '#ffffff');
    const accent = adjustForContrast('#ffd700', '#ffffff');
    expect(primary).toBe('#91730a');
    expect(screen.getByText(`The portal will use ${primary} instead, which meets WCAG AA.`)).toBeTruthy();
    expect(screen.getByText(`The portal will use ${accent} instead, which meets WCAG AA.`)).toBeTruthy();
    const swatches = [...container.querySelectorAll<HTMLElement>('[data-swatch]')];
    expect(swatches.map((s) => s.dataset.swatch)).toEqual([primary, accent]);
    expect(swatches[0].style.background).toBe('rgb(145, 115, 10)');
    expect(swatches.every((s) => s.getAttribute('aria-hidden') === 'true')).toBe(true);
  });

  it('does not warn for a dark primary colour', () => {
    renderInAdmin(<EditableForm initial={draft()} />);
    expect(screen.queryByText('Low contrast')).toBeNull();
    expect(screen.queryByText(/The portal will use/)).toBeNull();
    expect(screen.getByText(/White text on the primary colour: 11\.\d\d:1, meets WCAG AA/)).toBeTruthy();
  });

  it('warns about an accent colour that is hard to read on white', () => {
    renderInAdmin(<EditableForm initial={draft({ accentColor: '#ffd700' })} />);
    expect(screen.getByText(/This accent colour on white has a contrast of only/)).toBeTruthy();
  });

  it('updates the warning and the live preview as the colour is typed', () => {
    renderInAdmin(<EditableForm initial={draft()} />);
    const header = screen.getByRole('figure', { name: 'Preview of the portal with these settings' }).querySelector('header')!;
    expect(header.style.background).toBe('rgb(31, 58, 95)');

    fireEvent.change(primaryInput(), { target: { value: '#f5d76e' } });
    expect(screen.getByText('Low contrast')).toBeTruthy();
    expect(header.style.background).toBe('rgb(245, 215, 110)');

    fireEvent.change(primaryInput(), { target: { value: '#0a2540' } });
    expect(screen.queryByText('Low contrast')).toBeNull();
  });

  it('shows the firm name, footer and support address in the preview', () => {
    renderInAdmin(<EditableForm initial={draft()} />);
    const preview = screen.getByRole('figure', { name: 'Preview of the portal with these settings' });
    expect(preview.textContent).toContain('Keller & Partner');
    expect(preview.textContent).toContain('Hauptstraße 1, Berlin');
    expect(preview.textContent).toContain('help@keller.example');
    expect(preview.textContent).toContain('Pay invoice');
  });

  it('locks every field for staff who may only read the brand', () => {
    renderInAdmin(<EditableForm initial={draft()} readOnly />);
    expect(primaryInput().disabled).toBe(true);
    expect((screen.getByRole('textbox', { name: /^Firm name/ }) as HTMLInputElement).disabled).toBe(true);
  });
});

describe('branding rules', () => {
  it('computes both contrast verdicts', () => {
    const light = brandContrast('#f5d76e', '#1f3a5f');
    expect(light.whiteOnPrimary?.passes).toBe(false);
    expect(light.accentOnWhite?.passes).toBe(true);
    expect(brandContrast('#1f3a5f', '#c8963e').accentOnWhite?.passes).toBe(false);
    expect(brandContrast('#12345', '#1f3a5f').whiteOnPrimary).toBeNull();
  });

  it('adjusts only the colours that fail, the way the portal does', () => {
    expect(portalColours('#1f3a5f', '#0b6e4f')).toEqual({ primary: '#1f3a5f', accent: '#0b6e4f' });
    expect(portalColours(' #F5D76E', '#c8963e')).toEqual({ primary: '#91730a', accent: adjustForContrast('#c8963e', '#ffffff') });
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.497, 'en')).toBe('4.49');
    expect(formatRatio(4.5, 'de')).toBe('4,50');
  });

  it('names each field that needs correcting', () => {
    expect(checkBranding(draft())).toEqual({});
    expect(
      checkBranding(
        draft({ firmName: ' ', primaryColor: 'blue', portalUrl: 'portal.example', supportEmail: 'help', defaultLocale: 'english please' })
      )
    ).toEqual({ firmName: 'required', primaryColor: 'colour', portalUrl: 'url', supportEmail: 'email', defaultLocale: 'locale' });
  });

  it('sends empty optional fields as null and media as ids', () => {
    const update = toBrandingUpdate(draft({ legalText: '  ', logo: { id: 7, url: '/uploads/logo.png' }, primaryColor: '#1F3A5F' }));
    expect(update.legalText).toBeNull();
    expect(update.paymentInstructions).toBeNull();
    expect(update).toMatchObject({ firmAddress: 'Hauptstraße 1\n10115 Berlin', taxId: 'DE123456789' });
    expect(update.logo).toBe(7);
    expect(update.favicon).toBeNull();
    expect(update.primaryColor).toBe('#1f3a5f');
  });
});
