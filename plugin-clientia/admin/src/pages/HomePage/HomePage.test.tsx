import { screen, within } from '@testing-library/react';

import { attentionOverview, emptyAttentionOverview } from '../../../tests/fixtures';
import { renderInAdmin } from '../../../tests/render';
import { byUtilisation, needsAttention, overdueTone, seatUsage } from './attention';
import { AttentionBoard } from './components/AttentionBoard';

const TODAY = new Date(2026, 10, 12);

const section = (name: string) => screen.getByRole('region', { name });

describe('Clientia home: what needs the firm\'s attention', () => {
  it('lists each overdue invoice with its balance, days overdue and a link to the invoice and the client', () => {
    renderInAdmin(<AttentionBoard overview={attentionOverview()} today={TODAY} />);
    const overdue = section('Overdue invoices');

    const row = within(overdue).getByRole('link', { name: '2026-0007' }).closest('tr')!;
    expect(within(row).getByText('€1,234.56')).toBeTruthy();
    expect(within(row).getByText('42 days overdue')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '2026-0007' }).getAttribute('href')).toBe(
      '/plugins/clientia/invoices/inv-1'
    );
    expect(within(row).getByRole('link', { name: 'Acme Legal' }).getAttribute('href')).toBe('/plugins/clientia/clients/client-acme');

    const yen = within(overdue).getByRole('link', { name: '2026-0011' }).closest('tr')!;
    expect(within(yen).getByText('¥150,000')).toBeTruthy();
    expect(within(yen).getByText('1 day overdue')).toBeTruthy();
  });

  it('sums the overdue balances per currency', () => {
    renderInAdmin(<AttentionBoard overview={attentionOverview()} today={TODAY} />);
    expect(within(section('Overdue invoices')).getByText('Overdue in total: €1,234.56 · ¥150,000')).toBeTruthy();
  });

  it('flags a licence whose seats are all assigned and shows the free seats of the others', () => {
    renderInAdmin(<AttentionBoard overview={attentionOverview()} today={TODAY} />);
    const seats = section('Seat utilisation');

    const full = within(seats).getByRole('link', { name: 'Ledger' }).closest('tr')!;
    expect(within(full).getByText('3 of 3 seats (100%)')).toBeTruthy();
    expect(within(full).getByText('Full')).toBeTruthy();

    const roomy = within(seats).getByRole('link', { name: 'Casebook (Team)' }).closest('tr')!;
    expect(within(roomy).getByText('5 of 10 seats (50%)')).toBeTruthy();
    expect(within(roomy).getByText('5 seats free')).toBeTruthy();
    expect(within(roomy).queryByText('Full')).toBeNull();
    expect(within(roomy).getByRole('link', { name: 'Casebook (Team)' }).getAttribute('href')).toBe(
      '/content-manager/collection-types/plugin::clientia.licence/lic-1'
    );
  });

  it('marks unread threads and links them to the inbox', () => {
    renderInAdmin(<AttentionBoard overview={attentionOverview()} today={TODAY} />);
    const threads = section('Open message threads');

    const unread = within(threads).getByRole('link', { name: 'Question about invoice 2026-0007' });
    expect(unread.getAttribute('href')).toBe('/plugins/clientia/inbox/thr-1');
    expect(within(unread.closest('tr')!).getByText('Unread')).toBeTruthy();

    const read = within(threads).getByRole('link', { name: 'Kick-off dates' }).closest('tr')!;
    expect(within(read).queryByText('Unread')).toBeNull();
  });

  it('links contracts, retainers and renewals to their records and says when they are due', () => {
    renderInAdmin(<AttentionBoard overview={attentionOverview()} today={TODAY} />);

    const contract = within(section('Contracts awaiting signature')).getByRole('link', { name: 'C-12 · Master services agreement' });
    expect(contract.getAttribute('href')).toBe('/plugins/clientia/contracts/con-1/signing');
    expect(within(contract.closest('tr')!).getByText('Partially signed')).toBeTruthy();

    const retainer = within(section('Retainers about to bill')).getByRole('link', { name: 'Monthly advisory' });
    expect(retainer.getAttribute('href')).toBe('/content-manager/collection-types/plugin::clientia.retainer/ret-1');
    expect(within(retainer.closest('tr')!).getByText('in 2 days')).toBeTruthy();
    expect(within(retainer.closest('tr')!).getByText('€2,500.00 per month')).toBeTruthy();

    const renewal = within(section('Renewals in the next 30 days')).getByRole('link', { name: 'Ledger' });
    expect(renewal.getAttribute('href')).toBe('/content-manager/collection-types/plugin::clientia.licence/lic-2');
    expect(within(renewal.closest('tr')!).getByText('in 18 days')).toBeTruthy();
  });

  it('shows the counts, with the unread threads counted', () => {
    renderInAdmin(<AttentionBoard overview={attentionOverview()} today={TODAY} />);
    const figure = (label: string) => screen.getByText(label).parentElement!;
    expect(within(figure('Clients')).getByText('12')).toBeTruthy();
    expect(within(figure('Active clients')).getByText('9')).toBeTruthy();
    expect(within(figure('Portal contacts')).getByText('31')).toBeTruthy();
    expect(within(figure('Unread threads')).getByText('1')).toBeTruthy();
  });

  it('says so kindly when nothing needs attention', () => {
    renderInAdmin(<AttentionBoard overview={emptyAttentionOverview()} today={TODAY} />);
    expect(screen.getByText(/Nothing needs your attention right now/)).toBeTruthy();
    expect(screen.getByText('No overdue invoices. Every client is paid up.')).toBeTruthy();
    expect(screen.getByText('No contract is waiting for a signature.')).toBeTruthy();
    expect(screen.getByText('No retainer bills in the next 7 days.')).toBeTruthy();
    expect(screen.getByText('No licences with seats yet.')).toBeTruthy();
    expect(screen.getByText("No open threads. Clients' questions will show up here.")).toBeTruthy();
    expect(screen.getByText('Nothing renews or ends in the next 30 days.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('attention rules', () => {
  it('computes seat usage and fullness', () => {
    expect(seatUsage(3, 3)).toEqual({ percent: 100, free: 0, isFull: true });
    expect(seatUsage(1, 4)).toEqual({ percent: 25, free: 3, isFull: false });
    expect(seatUsage(5, 4)).toEqual({ percent: 125, free: 0, isFull: true });
    expect(seatUsage(0, 0)).toEqual({ percent: 0, free: 0, isFull: true });
  });

  it('puts the fullest licences first', () => {
    const sorted = byUtilisation(attentionOverview().seatUtilisation);
    expect(sorted.map((licence) => licence.product)).toEqual(['Ledger', 'Casebook']);
  });

  it('escalates invoices more than a month overdue', () => {
    expect(overdueTone(30)).toBe('warning');
    expect(overdueTone(31)).toBe('danger');
  });

  it('counts what needs attention', () => {
    expect(needsAttention(emptyAttentionOverview())).toBe(0);
    // 2 overdue + 1 contract + 1 retainer + 1 full licence + 1 unread thread + 1 renewal
    expect(needsAttention(attentionOverview())).toBe(7);
  });
});
