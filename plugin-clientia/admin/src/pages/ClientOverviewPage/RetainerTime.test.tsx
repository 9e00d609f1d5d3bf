import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';

import type { AdminRetainer, RetainerTimeView, TimeEntry } from '../../../../shared/contracts/admin-billing';
import { clientOverview } from '../../../tests/fixtures';
import { renderInAdmin } from '../../../tests/render';
import { clientiaApi } from '../../api/client';
import { FieldFailure } from '../../api/fieldFailure';
import de from '../../translations/de.json';
import en from '../../translations/en.json';
import { BurnDown } from './components/retainers/BurnDown';
import { RetainerFormModal } from './components/retainers/RetainerFormModal';
import { ClientOverviewView } from './components/ClientOverviewView';
import { RetainerHours } from './components/retainers/RetainerHours';
import { TimeEntryFormModal } from './components/retainers/TimeEntryFormModal';
import { ClientRecordsContext } from './recordsContext';
import { checkRetainer, emptyRetainer } from './retainerForm';
import { checkTimeEntry, emptyTimeEntry, parseHours } from './timeEntryForm';

jest.mock('../../api/client', () => ({
  clientiaApi: {
    logTime: jest.fn(),
    updateTimeEntry: jest.fn(),
    getRetainerTime: jest.fn(),
    deleteTimeEntry: jest.fn(),
    createRetainer: jest.fn(),
    updateRetainer: jest.fn(),
  },
}));

const api = clientiaApi as jest.Mocked<typeof clientiaApi>;

const STAFF = [
  { id: 7, name: 'Maria Keller' },
  { id: 9, name: 'Tom Brandt' },
];

const entry = (changes: Partial<TimeEntry> = {}): TimeEntry => ({
  documentId: 'te-1',
  date: '2026-12-03',
  hours: 2.5,
  description: 'Board call',
  billable: true,
  staff: STAFF[0]!,
  billed: false,
  ...changes,
});

const retainer = (changes: Partial<AdminRetainer> = {}): AdminRetainer => ({
  documentId: 'ret-1',
  title: 'Monthly advisory',
  state: 'active',
  amount: { amount: 250_000, currency: 'EUR' },
  currency: 'EUR',
  interval: 'monthly',
  startDate: '2026-10-01',
  endDate: null,
  nextRunDate: '2027-01-01',
  includedHours: 10,
  hourlyRate: { amount: 15_000, currency: 'EUR' },
  taxRate: 19,
  contract: null,
  internalNotes: null,
  billed: true,
  ...changes,
});

const timeView = (): RetainerTimeView => ({
  retainer: retainer(),
  period: { start: '2026-12-01', end: '2026-12-31', previous: '2026-11-01', next: null, current: true },
  usage: { billableHours: 11.25, nonBillableHours: 4, includedHours: 10, remaining: 0, over: 1.25 },
  burnDown: {
    step: 'week',
    steps: [
      { start: '2026-12-01', end: '2026-12-07', billableHours: 3.75, usedToDate: 3.75, remaining: 6.25, future: false },
      { start: '2026-12-08', end: '2026-12-14', billableHours: 7.5, usedToDate: 11.25, remaining: -1.25, future: false },
      { start: '2026-12-15', end: '2026-12-21', billableHours: 0, usedToDate: 11.25, remaining: -1.25, future: true },
    ],
  },
  billedBefore: '2026-12-01',
  entries: [entry(), entry({ documentId: 'te-0', date: '2026-11-28', hours: 3, description: 'Due diligence', billed: true })],
  staff: STAFF,
  me: 7,
});

/** axe's serious and critical findings; colour contrast needs a layout jsdom does not have. */
const accessibilityProblems = async (container: HTMLElement) => {
  const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
};

const typeInto = (label: RegExp | string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The error a field shows, read the way assistive technology reads it: through the input's description. */
const describedError = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

beforeEach(() => jest.resetAllMocks());

describe('Hours as staff type them', () => {
  it('reads decimals with either separator, an "h", and hours and minutes', () => {
    expect(parseHours('1.5')).toBe(1.5);
    expect(parseHours('1,5')).toBe(1.5);
    expect(parseHours(' 2 h ')).toBe(2);
    expect(parseHours('1:30')).toBe(1.5);
    expect(parseHours('0:20')).toBe(0.33);
    expect(parseHours('7,25')).toBe(7.25);
    for (const typed of ['', 'abc', '1,5,5', '1.5.0', '-1', '1:75', '1e2']) expect([typed, parseHours(typed)]).toEqual([typed, null]);
  });

  it('checks an entry with the server’s rules, naming each field to correct', () => {
    const draft = emptyTimeEntry('2026-12-07', 7);
    expect(checkTimeEntry({ ...draft, hours: '' })).toEqual({ ok: false, errors: { hours: 'required' } });
    expect(checkTimeEntry({ ...draft, hours: 'two' })).toEqual({ ok: false, errors: { hours: 'invalidHours' } });
    expect(checkTimeEntry({ ...draft, hours: '25' })).toEqual({ ok: false, errors: { hours: 'hoursOutOfRange' } });
    expect(checkTimeEntry({ ...draft, hours: '1,333' })).toEqual({ ok: false, errors: { hours: 'tooPrecise' } });
    expect(checkTimeEntry({ ...draft, hours: '1', date: '' })).toEqual({ ok: false, errors: { date: 'required' } });
    expect(checkTimeEntry({ ...draft, hours: '1', date: '2026-02-30' })).toEqual({ ok: false, errors: { date: 'invalidDate' } });
    expect(checkTimeEntry({ ...draft, hours: '1', description: 'x'.repeat(2001) })).toEqual({ ok: false, errors: { description: 'tooLong' } });
    expect(checkTimeEntry({ ...draft, hours: '1:45', description: '  Call  ', billable: false })).toEqual({
      ok: true,
      request: { date: '2026-12-07', hours: 1.75, staff: 7, description: 'Call', billable: false },
    });
  });
});

describe('Money on a retainer, typed in major units', () => {
  const draft = { ...emptyRetainer('EUR', '2026-12-01'), title: 'Monthly advisory', amount: '2500' };

  it('sends minor units of the currency, read with the staff member’s decimal separator', () => {
    const english = checkRetainer({ ...draft, amount: '2,500.50', hourlyRate: '150', includedHours: '7.5', taxRate: '19' }, '.', 'create');
    expect(english).toMatchObject({ ok: true, request: { amount: 250_050, hourlyRate: 15_000, includedHours: 7.5, taxRate: 19, currency: 'EUR' } });
    const german = checkRetainer({ ...draft, amount: '2.500,50', hourlyRate: '150,00', includedHours: '7,5' }, ',', 'create');
    expect(german).toMatchObject({ ok: true, request: { amount: 250_050, hourlyRate: 15_000, includedHours: 7.5 } });
    const yen = checkRetainer({ ...draft, currency: 'JPY', amount: '150000' }, '.', 'create');
    expect(yen).toMatchObject({ ok: true, request: { amount: 150_000, currency: 'JPY', hourlyRate: null, includedHours: null } });
  });

  it('says which amount to correct', () => {
    expect(checkRetainer({ ...draft, amount: '2500.505' }, '.', 'create')).toEqual({ ok: false, errors: { amount: 'invalidAmount' } });
    expect(checkRetainer({ ...draft, amount: '0' }, '.', 'create')).toEqual({ ok: false, errors: { amount: 'notPositive' } });
    expect(checkRetainer({ ...draft, currency: 'JPY', amount: '10.5' }, '.', 'create')).toEqual({ ok: false, errors: { amount: 'invalidAmount' } });
    expect(checkRetainer({ ...draft, hourlyRate: 'lots', includedHours: 'ten' }, '.', 'create')).toEqual({
      ok: false,
      errors: { hourlyRate: 'invalidRate', includedHours: 'invalidHours' },
    });
    expect(checkRetainer({ ...draft, title: '' }, '.', 'create')).toEqual({ ok: false, errors: { title: 'required' } });
    expect(checkRetainer({ ...draft, endDate: '2026-11-01' }, '.', 'create')).toEqual({ ok: false, errors: { endDate: 'endBeforeStart' } });
  });
});

describe('The time-entry form', () => {
  const renderForm = (props: Partial<Parameters<typeof TimeEntryFormModal>[0]> = {}) => {
    const onSaved = jest.fn();
    const onClose = jest.fn();
    renderInAdmin(
      <TimeEntryFormModal
        onClose={onClose}
        retainer={{ documentId: 'ret-1', title: 'Monthly advisory' }}
        staff={STAFF}
        me={7}
        today="2026-12-07"
        onSaved={onSaved}
        {...props}
      />
    );
    const name = props.entry ? 'Edit hours on Monthly advisory' : 'Log hours on Monthly advisory';
    return { onSaved, onClose, form: screen.getByRole('form', { name }) };
  };
  const submit = (form: HTMLElement) => act(async () => void fireEvent.submit(form));

  it('shows each problem under its field before anything is sent', async () => {
    const { form } = renderForm();
    typeInto(/^Hours/, 'two and a half');
    typeInto(/^Date/, '');
    await submit(form);
    expect(api.logTime).not.toHaveBeenCalled();
    const hours = screen.getByLabelText(/^Hours/);
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(describedError(hours)).toContain('Enter hours as a number such as 1.5, or as hours and minutes such as 1:30.');
    expect(describedError(screen.getByLabelText(/^Date/))).toContain('Fill this in.');

    typeInto(/^Hours/, '30');
    await submit(form);
    expect(describedError(screen.getByLabelText(/^Hours/))).toContain('Enter more than 0 and at most 24 hours for one day.');
  });

  it('logs the hours as typed, for the staff member signed in unless another is chosen', async () => {
    api.logTime.mockResolvedValue(entry({ hours: 1.5 }));
    const { form, onSaved, onClose } = renderForm();
    expect(within(form).getByRole('combobox', { name: /Staff member/ }).textContent).toContain('Maria Keller');
    typeInto(/^Hours/, '1:30');
    typeInto(/^Description/, 'Board call');
    fireEvent.click(within(form).getByRole('checkbox', { name: /^Billable/ }));
    await submit(form);
    expect(api.logTime).toHaveBeenCalledWith('ret-1', { date: '2026-12-07', hours: 1.5, staff: 7, description: 'Board call', billable: false });
    expect(onSaved).toHaveBeenCalledWith(entry({ hours: 1.5 }));
    expect(onClose).toHaveBeenCalled();
  });

  it('shows the server’s refusal under the field it names, and stays open', async () => {
    api.logTime.mockRejectedValue(
      new FieldFailure('date: the retainer’s hours before 2026-12-01 have been billed', 409, {
        date: 'the retainer’s hours before 2026-12-01 have been billed; log this time in a period that is not billed yet',
      })
    );
    const { form, onClose } = renderForm();
    typeInto(/^Date/, '2026-11-28');
    typeInto(/^Hours/, '2');
    await submit(form);
    expect(describedError(screen.getByLabelText(/^Date/))).toContain('have been billed; log this time in a period that is not billed yet');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('edits an entry with its hours shown in the staff member’s notation', async () => {
    api.updateTimeEntry.mockResolvedValue(entry({ hours: 3 }));
    const { form } = renderForm({ entry: entry() });
    expect((screen.getByLabelText(/^Hours/) as HTMLInputElement).value).toBe('2.5');
    typeInto(/^Hours/, '3');
    await submit(form);
    expect(api.updateTimeEntry).toHaveBeenCalledWith('te-1', { date: '2026-12-03', hours: 3, staff: 7, description: 'Board call', billable: true });
  });

  it('has no serious accessibility problems', async () => {
    renderForm();
    expect(await accessibilityProblems(document.body)).toEqual([]);
  });
});

describe('The retainer form', () => {
  it('creates a retainer with its fee and overtime rate in minor units, labelled with the currency', async () => {
    api.createRetainer.mockResolvedValue(retainer());
    const onSaved = jest.fn();
    const overview = clientOverview();
    renderInAdmin(<RetainerFormModal onClose={jest.fn()} client={overview.client} contracts={overview.contracts} onSaved={onSaved} />);
    const form = screen.getByRole('form', { name: 'New retainer for Acme Legal' });
    typeInto(/^Title/, 'Monthly advisory');
    typeInto(/^Fee per period \(EUR\)/, '2,500.00');
    typeInto(/^Included hours per period/, '10');
    typeInto(/^Overtime rate per hour \(EUR\)/, '150.5');
    typeInto(/^Start date/, '2026-12-01');
    await act(async () => void fireEvent.submit(form));
    expect(api.createRetainer).toHaveBeenCalledWith('client-acme', {
      title: 'Monthly advisory',
      amount: 250_000,
      currency: 'EUR',
      interval: 'monthly',
      startDate: '2026-12-01',
      endDate: null,
      includedHours: 10,
      hourlyRate: 15_050,
      taxRate: 0,
      contract: null,
      internalNotes: '',
    });
    expect(onSaved).toHaveBeenCalled();
  });

  it('keeps the billing period and start date of a retainer that has been billed', () => {
    const overview = clientOverview();
    renderInAdmin(<RetainerFormModal onClose={jest.fn()} client={overview.client} contracts={overview.contracts} retainer={retainer()} onSaved={jest.fn()} />);
    expect((screen.getByLabelText(/^Fee per period/) as HTMLInputElement).value).toBe('2500.00');
    expect((screen.getByLabelText(/^Overtime rate/) as HTMLInputElement).value).toBe('150.00');
    expect(screen.getByLabelText(/^Start date/).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('This retainer has been billed: its period and start date stay as they are.')).toBeTruthy();
  });
});

describe('A retainer’s hours', () => {
  const renderHours = (canManage: boolean) => {
    const overview = clientOverview();
    return renderInAdmin(
      <ClientRecordsContext.Provider value={{ canManageRecords: true, canManageBilling: canManage, reload: jest.fn(), notify: jest.fn() }}>
        <RetainerHours documentId="ret-1" client={overview.client} contracts={overview.contracts} canManage={canManage} onChanged={jest.fn()} />
      </ClientRecordsContext.Provider>
    );
  };

  it('sums up the period, gives its burn-down as a table, and locks billed entries', async () => {
    api.getRetainerTime.mockResolvedValue(timeView());
    renderHours(true);
    expect(await screen.findByText('11.25 of 10 h used · 1.25 h over · 4 h not billable')).toBeTruthy();
    expect(screen.getByText('€2,500.00 per month · overtime €150.00 per hour')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '113% of the included hours used' })).toBeTruthy();

    const table = screen.getByRole('grid', { name: 'Billable hours by week' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('gridcell').map((cell) => cell.textContent))).toEqual([
      ['Dec 1, 2026 – Dec 7, 2026', '3.75 h', '3.75 h', '6.25 h'],
      ['Dec 8, 2026 – Dec 14, 2026', '7.5 h', '11.25 h', '1.25 h over'],
      ['Dec 15, 2026 – Dec 21, 2026', '0 h', '11.25 h', '1.25 h over'],
    ]);
    expect(screen.getByTestId('burn-down-chart').getAttribute('aria-hidden')).toBe('true');

    const billed = screen.getByText('Due diligence').closest('tr')!;
    expect(within(billed).getByText('Billed')).toBeTruthy();
    expect(within(billed).queryByRole('button')).toBeNull();
    const open = screen.getByText('Board call').closest('tr')!;
    expect(within(open).getByRole('button', { name: 'Edit the entry of Dec 3, 2026' })).toBeTruthy();
    expect(screen.getByText('Hours before Dec 1, 2026 have been billed; their entries can no longer be changed.')).toBeTruthy();
    expect(await accessibilityProblems(document.body)).toEqual([]);
  });

  it('opens from the Retainers tab of the client page, where staff who manage billing also create retainers', async () => {
    api.getRetainerTime.mockResolvedValue(timeView());
    renderInAdmin(
      <ClientRecordsContext.Provider value={{ canManageRecords: false, canManageBilling: true, reload: jest.fn(), notify: jest.fn() }}>
        <ClientOverviewView overview={clientOverview()} />
      </ClientRecordsContext.Provider>
    );
    fireEvent.mouseDown(screen.getByRole('tab', { name: /Retainers/ }), { button: 0 });
    expect(screen.getByRole('button', { name: 'New retainer' })).toBeTruthy();
    const show = screen.getByRole('button', { name: 'Show the hours of Monthly advisory' });
    expect(show.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(show);
    expect(await screen.findByRole('region', { name: 'Hours on Monthly advisory' })).toBeTruthy();
    expect(api.getRetainerTime).toHaveBeenCalledWith('ret-1', undefined);
    expect(screen.getByRole('button', { name: 'Hide hours of Monthly advisory' }).getAttribute('aria-expanded')).toBe('true');
    // Contracts are records, not billing: without that permission there is nothing to create.
    fireEvent.mouseDown(screen.getByRole('tab', { name: /Contracts/ }), { button: 0 });
    expect(screen.queryByRole('button', { name: 'New contract' })).toBeNull();
  });

  it('offers no changes without the permission to manage billing', async () => {
    api.getRetainerTime.mockResolvedValue(timeView());
    renderHours(false);
    await screen.findByText('Board call');
    expect(screen.queryByRole('button', { name: 'Log hours' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit the entry/ })).toBeNull();
  });

  it('pages to the previous period', async () => {
    api.getRetainerTime.mockResolvedValue(timeView());
    renderHours(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Previous period' }));
    await waitFor(() => expect(api.getRetainerTime).toHaveBeenLastCalledWith('ret-1', '2026-11-01'));
  });

  it('shows a burn-down without included hours as hours only', () => {
    renderInAdmin(<BurnDown burnDown={{ step: 'month', steps: [{ start: '2026-01-01', end: '2026-01-31', billableHours: 4, usedToDate: 4, remaining: null, future: false }] }} includedHours={null} />);
    const row = within(screen.getByRole('grid', { name: 'Billable hours by month' })).getAllByRole('row')[1]!;
    expect(within(row).getAllByRole('gridcell').map((cell) => cell.textContent)).toEqual(['Jan 1, 2026 – Jan 31, 2026', '4 h', '4 h', '—']);
  });
});

describe('Time, retainer and contract editor messages', () => {
  const placeholders = (message: string) => [...message.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]).sort();
  const ours = (messages: Record<string, string>) =>
    Object.keys(messages).filter((key) => /^(time|retainers|contractEditor)\./.test(key) || key === 'signing.event.cancelled');

  it('exist in German too, with the same placeholders', () => {
    expect(ours(de)).toEqual(ours(en));
    for (const key of ours(en)) {
      expect([key, placeholders(de[key as keyof typeof de])]).toEqual([key, placeholders(en[key as keyof typeof en])]);
    }
  });
});
