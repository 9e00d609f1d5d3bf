import axe from 'axe-core';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import { createClientRequest, type StaffLicence, type StaffProject } from '../../../../shared/contracts/admin-records';
import { clientOverview } from '../../../tests/fixtures';
import { renderInAdmin } from '../../../tests/render';
import { clientiaApi } from '../../api/client';
import { ApiFailure } from '../../api/failure';
import { contactStatus } from './clientRecords';
import { ClientOverviewView } from './components/ClientOverviewView';
import { ClientFormModal } from './components/editors/ClientFormModal';
import { MilestoneForm } from './components/editors/MilestoneForm';
import { moved } from './components/editors/MilestonesModal';
import { ClientEditingProvider } from './editing';
import { checkDraft, refusedField } from './recordForms';

jest.mock('../../api/client', () => ({
  clientiaApi: {
    createClient: jest.fn(),
    updateClient: jest.fn(),
    listStaff: jest.fn(),
    updateContact: jest.fn(),
    resendInvitation: jest.fn(),
    getProject: jest.fn(),
    reorderMilestones: jest.fn(),
    createMilestone: jest.fn(),
    updateMilestone: jest.fn(),
    getLicence: jest.fn(),
    assignSeat: jest.fn(),
    freeSeat: jest.fn(),
  },
}));

const api = clientiaApi as jest.Mocked<typeof clientiaApi>;

// Whole dialogs of the design system render, and axe reads them: slow on a busy machine, never stuck.
jest.setTimeout(30_000);

/** The client page as staff who manage records see it. */
const renderEditable = (canManage = true) => {
  const overview = clientOverview();
  const onChanged = jest.fn();
  renderInAdmin(
    <ClientEditingProvider value={{ client: overview.client, contacts: overview.contacts, canManage, onChanged }}>
      <ClientOverviewView overview={overview} />
    </ClientEditingProvider>
  );
  return { onChanged };
};

const rowOf = (name: string) => screen.getByText(name).closest('tr')!;
const openTab = (name: RegExp) => fireEvent.mouseDown(screen.getByRole('tab', { name }), { button: 0 });

/** A design-system select opens and picks from the keyboard, which jsdom supports fully. */
const choose = async (select: RegExp, option: string) => {
  fireEvent.keyDown(screen.getByRole('combobox', { name: select }), { key: 'Enter' });
  fireEvent.keyDown(await screen.findByRole('option', { name: option }), { key: 'Enter' });
};

/** Serious and critical accessibility problems axe finds in a part of the page (jsdom has no colours to check). */
const seriousProblems = async (element: Element) => {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id);
};

const milestone = (documentId: string, title: string, order: number, extra: Partial<StaffProject['milestones'][number]> = {}) => ({
  documentId,
  title,
  state: 'pending' as const,
  dueDate: null,
  completedAt: null,
  order,
  ...extra,
});

const project = (milestones: StaffProject['milestones']): StaffProject => ({
  documentId: 'prj-1',
  name: 'Website relaunch',
  state: 'active',
  progress: 40,
  startDate: '2026-09-01',
  dueDate: '2026-12-15',
  summary: null,
  internalNotes: null,
  milestones,
});

beforeEach(() => {
  jest.clearAllMocks();
});

describe('Editing a contact', () => {
  it('changes the portal role, in words, and the signatory flag, then reloads the client', async () => {
    const { onChanged } = renderEditable();
    api.updateContact.mockResolvedValue({ ...clientOverview().contacts[1]!, role: 'owner', signatory: true });
    fireEvent.click(within(rowOf('Lea Braun')).getByRole('button', { name: 'Edit Lea Braun' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit contact Lea Braun' });

    expect(within(dialog).getByRole('combobox', { name: /Portal role/ }).textContent).toContain('Billing');
    expect(await seriousProblems(dialog)).toEqual([]);
    await choose(/Portal role/, 'Owner');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'May sign contracts for this client' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    expect(api.updateContact).toHaveBeenCalledWith('client-acme', 'm-2', { name: 'Lea Braun', role: 'owner', signatory: true, active: true });
    expect(onChanged).toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('deactivates a contact’s access to this client, and shows the server’s refusal on the field it names', async () => {
    renderEditable();
    api.updateContact.mockRejectedValueOnce(new ApiFailure('name: must be at most 200 characters', 400));
    fireEvent.click(within(rowOf('Jonas Weber')).getByRole('button', { name: 'Edit Jonas Weber' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'May use the portal for Acme Legal' }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    });
    expect(api.updateContact).toHaveBeenCalledWith('client-acme', 'm-1', { name: 'Jonas Weber', role: 'owner', signatory: true, active: false });
    expect(within(dialog).getByText('Must be at most 200 characters')).toBeTruthy();
  });

  it('asks for a name before calling the API', async () => {
    renderEditable();
    fireEvent.click(within(rowOf('Jonas Weber')).getByRole('button', { name: 'Edit Jonas Weber' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/^Name/), { target: { value: '  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This field is required.')).toBeTruthy();
    expect(api.updateContact).not.toHaveBeenCalled();
  });

  it('resends an invitation to a contact who has not accepted, and shows the new link once', async () => {
    const { onChanged } = renderEditable();
    expect(within(rowOf('Jonas Weber')).queryByRole('button', { name: /Resend/ })).toBeNull();
    api.resendInvitation.mockResolvedValue({
      membershipId: 'm-2',
      email: 'lea@acme.example',
      role: 'billing',
      expiresAt: '2026-11-19T10:00:00.000Z',
      inviteUrl: 'https://portal.acme.example/invite/new-token',
    });
    fireEvent.click(within(rowOf('Lea Braun')).getByRole('button', { name: 'Resend the invitation to Lea Braun' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('lea@acme.example gets a new link by email. The link sent before stops working.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send a new link' }));
    });
    expect(api.resendInvitation).toHaveBeenCalledWith('client-acme', 'm-2');
    expect(within(dialog).getByDisplayValue('https://portal.acme.example/invite/new-token')).toBeTruthy();
    expect(onChanged).toHaveBeenCalled();
  });

  it('offers no changes to staff who may not manage records', () => {
    renderEditable(false);
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    expect(screen.queryByRole('button', { name: /Resend/ })).toBeNull();
    openTab(/Projects/);
    expect(screen.queryByRole('button', { name: 'New project' })).toBeNull();
  });

  it('says when a contact is deactivated or their invitation has expired', () => {
    const [active, invited] = clientOverview().contacts;
    const now = new Date('2026-11-10T00:00:00.000Z');
    expect(contactStatus({ ...active!, deactivatedAt: '2026-11-01T00:00:00.000Z' }, now)).toBe('deactivated');
    expect(contactStatus({ ...invited!, invitationExpiresAt: '2026-11-04T10:00:00.000Z' }, now)).toBe('expired');
    expect(contactStatus({ ...invited!, invitationExpiresAt: '2026-11-14T10:00:00.000Z' }, now)).toBe('invited');
    expect(contactStatus(active!, now)).toBe('active');
  });
});

describe('The client form', () => {
  it('makes a new client: state in words, account manager by name, the server’s refusal on its field', async () => {
    api.listStaff.mockResolvedValue([{ id: 7, name: 'Maria Keller', email: 'maria@firm.example' }]);
    api.createClient.mockRejectedValueOnce(new ApiFailure('accountManager: must be the id of an active staff member, or null for none', 400));
    const created = { ...clientOverview().client, documentId: 'client-new', name: 'Nordlicht AG' };
    api.createClient.mockResolvedValueOnce(created);
    const onSaved = jest.fn();
    renderInAdmin(<ClientFormModal client={null} open onClose={jest.fn()} onSaved={onSaved} />);
    const form = await screen.findByRole('form', { name: 'New client' });

    fireEvent.click(within(form).getByRole('button', { name: 'Create client' }));
    expect(await within(form).findAllByText('This field is required.')).toHaveLength(2);
    expect(api.createClient).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Nordlicht AG' } });
    fireEvent.change(within(form).getByLabelText(/^Currency/), { target: { value: 'chf' } });
    await choose(/^State/, 'Prospect');
    await waitFor(() => expect(api.listStaff).toHaveBeenCalled());
    await choose(/^Account manager/, 'Maria Keller');
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Create client' }));
    });
    const request = api.createClient.mock.calls[0]![0];
    expect(request).toMatchObject({ name: 'Nordlicht AG', currency: 'CHF', state: 'prospect', accountManager: 7, portalEnabled: true, legalName: null });
    expect(within(form).getByText('Must be the id of an active staff member, or null for none')).toBeTruthy();

    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Create client' }));
    });
    expect(onSaved).toHaveBeenCalledWith(created);
  });
});

describe('The milestone form', () => {
  it('adds a milestone with its due date and status in words, checked before sending, then is ready for the next', async () => {
    const onSave = jest.fn().mockResolvedValue(undefined);
    renderInAdmin(<MilestoneForm milestone={null} onSave={onSave} />);
    const form = screen.getByRole('form', { name: 'New milestone' });
    expect(await seriousProblems(form)).toEqual([]);

    fireEvent.click(within(form).getByRole('button', { name: 'Add milestone' }));
    expect(await within(form).findByText('This field is required.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByLabelText(/^Title/), { target: { value: ' Go live ' } });
    fireEvent.change(within(form).getByLabelText(/^Due date/), { target: { value: '2026-12-10' } });
    expect(within(form).getByRole('combobox', { name: /Status/ }).textContent).toContain('Pending');
    await choose(/Status/, 'Done');
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Add milestone' }));
    });
    expect(onSave).toHaveBeenCalledWith({ title: 'Go live', dueDate: '2026-12-10', state: 'done' });
    expect((within(form).getByLabelText(/^Title/) as HTMLInputElement).value).toBe('');
  });

  it('edits a milestone: a cleared due date is sent as none, and the server’s refusal shows on its field', async () => {
    const onSave = jest.fn().mockRejectedValueOnce(new ApiFailure('dueDate: must be a calendar date as YYYY-MM-DD, e.g. 2026-11-30', 400)).mockResolvedValue(undefined);
    const onCancel = jest.fn();
    renderInAdmin(
      <MilestoneForm milestone={milestone('ms-1', 'Design sign-off', 1, { dueDate: '2026-10-10', state: 'in_progress' })} onSave={onSave} onCancel={onCancel} />
    );
    const form = screen.getByRole('form', { name: 'Edit milestone Design sign-off' });
    expect((within(form).getByLabelText(/^Due date/) as HTMLInputElement).value).toBe('2026-10-10');
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Save milestone' }));
    });
    expect(onSave).toHaveBeenLastCalledWith({ title: 'Design sign-off', dueDate: '2026-10-10', state: 'in_progress' });
    expect(within(form).getByText('Must be a calendar date as YYYY-MM-DD, e.g. 2026-11-30')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText(/^Due date/), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Save milestone' }));
    });
    expect(onSave).toHaveBeenLastCalledWith({ title: 'Design sign-off', dueDate: null, state: 'in_progress' });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('lists a project’s milestones with dates in the staff member’s locale, and moves one up', async () => {
    const { onChanged } = renderEditable();
    const milestones = [milestone('ms-1', 'Design sign-off', 1, { dueDate: '2026-10-10' }), milestone('ms-2', 'Go live', 2, { dueDate: '2026-12-10' })];
    api.getProject.mockResolvedValue(project(milestones));
    api.reorderMilestones.mockResolvedValue(project([milestones[1]!, milestones[0]!]));
    openTab(/Projects/);
    fireEvent.click(screen.getByRole('button', { name: 'Milestones of Website relaunch' }));
    const dialog = await screen.findByRole('dialog', { name: 'Milestones of Website relaunch' });
    expect(await within(dialog).findByText('Due Dec 10, 2026')).toBeTruthy();
    // The first milestone cannot move up; the button says so to assistive technology and stays focusable.
    expect(within(dialog).getByRole('button', { name: 'Move Design sign-off up' }).getAttribute('aria-disabled')).toBe('true');

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Move Go live up' }));
    });
    expect(api.reorderMilestones).toHaveBeenCalledWith('client-acme', 'prj-1', ['ms-2', 'ms-1']);
    expect(onChanged).toHaveBeenCalled();
    const items = within(within(dialog).getByRole('list', { name: 'Milestones of Website relaunch' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([expect.stringContaining('Go live'), expect.stringContaining('Design sign-off')]);
  });
});

describe('Seats', () => {
  it('gives a seat to a contact, and shows the seat rule’s refusal when every seat is taken', async () => {
    renderEditable();
    const licence: StaffLicence = {
      documentId: 'lic-3',
      product: 'Casebook',
      plan: 'Team',
      state: 'active',
      seatsPurchased: 2,
      assigned: 2,
      renewalDate: '2027-01-31',
      internalNotes: null,
      seats: [
        { documentId: 's-1', assigneeName: 'Jonas Weber', assigneeEmail: 'jonas@acme.example', assignedAt: '2026-09-02T10:00:00.000Z' },
        { documentId: 's-2', assigneeName: 'Anna Roth', assigneeEmail: 'anna@acme.example', assignedAt: '2026-09-03T10:00:00.000Z' },
      ],
    };
    api.getLicence.mockResolvedValue(licence);
    api.assignSeat.mockRejectedValue(new ApiFailure('assigneeEmail: all 2 seats of Casebook are assigned; free one or buy more', 400));
    openTab(/Licences/);
    fireEvent.click(screen.getByRole('button', { name: 'Seats of Casebook' }));
    const dialog = await screen.findByRole('dialog', { name: 'Seats of Casebook' });
    expect(await within(dialog).findByText('2 of 2 seats assigned')).toBeTruthy();
    await choose(/Person/, 'Lea Braun · lea@acme.example');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Give seat' }));
    });
    expect(api.assignSeat).toHaveBeenCalledWith('client-acme', 'lic-3', { assigneeName: 'Lea Braun', assigneeEmail: 'lea@acme.example' });
    expect(within(dialog).getByText('All 2 seats of Casebook are assigned; free one or buy more')).toBeTruthy();
  });
});

describe('record form rules', () => {
  it('checks a draft with the server’s schema and says what is wrong with each field', () => {
    expect(checkDraft(createClientRequest, { name: '', currency: 'EURO' })).toEqual({ ok: false, problems: { name: 'required', currency: 'invalid' } });
    expect(checkDraft(createClientRequest, { name: 'x'.repeat(201), currency: 'eur' })).toEqual({ ok: false, problems: { name: 'tooLong' } });
    expect(checkDraft(createClientRequest, { name: ' Acme ', currency: 'eur', legalName: '' })).toEqual({
      ok: true,
      request: { name: 'Acme', currency: 'EUR', legalName: null },
    });
  });

  it('reads the field a refusal names, only for the form’s own fields', () => {
    const refusal = new ApiFailure('seatsPurchased: 2 seats are assigned; free some before reducing to 1', 400);
    expect(refusedField(refusal, ['seatsPurchased'])).toEqual({ field: 'seatsPurchased', message: '2 seats are assigned; free some before reducing to 1' });
    expect(refusedField(refusal, ['product'])).toBeNull();
    expect(refusedField(new ApiFailure('Forbidden', 403), ['product'])).toBeNull();
  });

  it('moves a milestone one place, never past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});
