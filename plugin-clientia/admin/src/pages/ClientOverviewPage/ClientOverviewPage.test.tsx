import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import { clientOverview, emptyClientOverview } from '../../../tests/fixtures';
import { renderInAdmin } from '../../../tests/render';
import { clientiaApi } from '../../api/client';
import { ApiFailure } from '../../api/failure';
import { checkInvite, EMPTY_INVITE } from './invite';
import { hoursUsage } from './clientRecords';
import { ClientActions } from './components/ClientActions';
import { ClientOverviewView } from './components/ClientOverviewView';

jest.mock('../../api/client', () => ({
  clientiaApi: { inviteContact: jest.fn() },
}));

const inviteContact = clientiaApi.inviteContact as jest.MockedFunction<typeof clientiaApi.inviteContact>;

/** Radix tabs switch on mouse down, as a pointer user would. */
const openTab = (name: RegExp) => fireEvent.mouseDown(screen.getByRole('tab', { name }), { button: 0 });

const renderActions = (canInvite = true, onInvited = jest.fn()) =>
  renderInAdmin(<ClientActions clientDocumentId="client-acme" clientName="Acme Legal" canInvite={canInvite} onInvited={onInvited} />);

const typeInto = (label: RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The role select opens and picks from the keyboard, which jsdom supports fully. */
const chooseRole = async (role: string) => {
  fireEvent.keyDown(screen.getByRole('combobox', { name: /Portal role/ }), { key: 'Enter' });
  fireEvent.keyDown(await screen.findByRole('option', { name: role }), { key: 'Enter' });
};

beforeEach(() => {
  inviteContact.mockReset();
});

describe('Client overview', () => {
  it('shows the client details, the open balance and the staff-only notes', () => {
    renderInAdmin(<ClientOverviewView overview={clientOverview()} />);
    const details = screen.getByRole('region', { name: 'Client details' });
    expect(within(details).getByText('Acme Legal GmbH')).toBeTruthy();
    expect(within(details).getByText('billing@acme.example')).toBeTruthy();
    expect(within(details).getByText('Maria Keller')).toBeTruthy();
    expect(within(details).getByText('€1,234.56 (1 unpaid invoice)')).toBeTruthy();
    expect(within(details).getByText('Prefers calls on Tuesdays.')).toBeTruthy();
    expect(within(details).getByText(/staff only, never shown in the portal/)).toBeTruthy();
  });

  it('lists contacts with their role, signatory flag and whether they accepted the invitation', () => {
    renderInAdmin(<ClientOverviewView overview={clientOverview()} />);
    const jonas = screen.getByText('Jonas Weber').closest('tr')!;
    expect(within(jonas).getByText('Owner')).toBeTruthy();
    expect(within(jonas).getByText('Signatory')).toBeTruthy();
    expect(within(jonas).getByText('Active')).toBeTruthy();

    const lea = screen.getByText('Lea Braun').closest('tr')!;
    expect(within(lea).getByText('Billing')).toBeTruthy();
    expect(within(lea).getByText('No')).toBeTruthy();
    expect(within(lea).getByText('Invited')).toBeTruthy();
  });

  it('shows invoices with the open balance and links to the invoice editor', () => {
    renderInAdmin(<ClientOverviewView overview={clientOverview()} />);
    openTab(/Invoices/);
    expect(screen.getByText('Open balance: €1,234.56')).toBeTruthy();
    const link = screen.getByRole('link', { name: '2026-0007' });
    expect(link.getAttribute('href')).toBe('/plugins/clientia/invoices/inv-1');
    expect(within(link.closest('tr')!).getByText('Overdue')).toBeTruthy();
    // Writing invoices is billing's: without the permission there is nothing to start one from.
    expect(screen.queryByRole('link', { name: 'New invoice' })).toBeNull();
  });

  it('starts a new invoice from the Invoices tab, and marks credit notes', () => {
    const overview = clientOverview();
    overview.invoices.push({ ...overview.invoices[1]!, documentId: 'cn-1', kind: 'credit_note', number: 'CN-2026-0001', total: { amount: -5000, currency: 'EUR' } });
    renderInAdmin(<ClientOverviewView overview={overview} canManageBilling />);
    openTab(/Invoices/);
    expect(screen.getByRole('link', { name: 'New invoice' }).getAttribute('href')).toBe('/plugins/clientia/clients/client-acme/invoices/new');
    const creditNote = screen.getByRole('link', { name: 'CN-2026-0001' }).closest('tr')!;
    expect(within(creditNote).getByText('Credit note')).toBeTruthy();
  });

  it('flags a full licence and lists vacant seats', () => {
    renderInAdmin(<ClientOverviewView overview={clientOverview()} />);
    openTab(/Licences/);
    const full = screen.getByRole('article', { name: 'Casebook' });
    expect(within(full).getByText('2 of 2 seats (100%)')).toBeTruthy();
    expect(within(full).getByText('Full')).toBeTruthy();
    const roomy = screen.getByRole('article', { name: 'Ledger' });
    expect(within(roomy).queryByText('Full')).toBeNull();
    expect(within(roomy).getAllByText('Vacant seat')).toHaveLength(2);
  });

  it('shows retainer hours beyond what is included', () => {
    renderInAdmin(<ClientOverviewView overview={clientOverview()} />);
    openTab(/Retainers/);
    const row = screen.getByRole('link', { name: 'Monthly advisory' }).closest('tr')!;
    expect(within(row).getByText('12.5 of 10 h')).toBeTruthy();
    expect(within(row).getByText('2.5 h over')).toBeTruthy();
  });

  it('shows projects with milestones, threads linking to the inbox, and activity marked staff-only', () => {
    renderInAdmin(<ClientOverviewView overview={clientOverview()} />);
    openTab(/Projects/);
    const project = screen.getByRole('article', { name: 'Website relaunch' });
    expect(within(project).getByText('40% done')).toBeTruthy();
    expect(within(project).getByText('Go live')).toBeTruthy();

    openTab(/Threads/);
    expect(screen.getByRole('link', { name: 'Question about invoice 2026-0007' }).getAttribute('href')).toBe('/plugins/clientia/inbox/thr-1');

    openTab(/Activity/);
    expect(screen.getByText('Maria Keller created 2026-0007')).toBeTruthy();
    const hidden = screen.getByText('Maria Keller updated Acme Legal').closest('li')!;
    expect(within(hidden).getByText('Staff only')).toBeTruthy();
  });

  it('explains each empty section', () => {
    renderInAdmin(<ClientOverviewView overview={emptyClientOverview()} />);
    expect(screen.getByText(/No contacts yet/)).toBeTruthy();
    openTab(/Invoices/);
    const invoices = screen.getByRole('tabpanel');
    expect(within(invoices).getByText('No invoices for this client yet.')).toBeTruthy();
    expect(within(invoices).getByText('Nothing outstanding')).toBeTruthy();
    openTab(/Documents/);
    expect(screen.getByText('No documents for this client yet.')).toBeTruthy();
  });
});

describe('Documents tab count', () => {
  const version = (documentId: string, number: number) => ({
    documentId,
    version: number,
    fileName: `letter-v${number}.pdf`,
    mimeType: 'application/pdf',
    size: 2048,
    sha256: 'ab'.repeat(32),
    uploadedBy: { kind: 'staff' as const, name: 'Maria Keller' },
    createdAt: '2026-11-10T09:00:00.000Z',
  });
  const document = (title: string, versions: ReturnType<typeof version>[], archivedAt: string | null) => ({
    ...versions[0]!,
    title,
    folder: 'Contracts',
    visibility: 'shared' as const,
    archivedAt,
    updatedAt: '2026-11-10T09:00:00.000Z',
    versions,
  });

  it('counts documents, not their versions, and not the archived ones the tab hides', () => {
    const letter = document('Engagement letter', [version('doc-2', 2), version('doc-1', 1)], null);
    const notes = document('Old pricing notes', [version('doc-3', 1)], '2026-11-01T09:00:00.000Z');
    const overview = clientOverview();
    // The overview's short list has a row per version: three here.
    overview.documents = [...letter.versions, ...notes.versions].map((row) => ({
      documentId: row.documentId,
      title: 'Document',
      folder: 'Contracts',
      visibility: 'shared' as const,
      version: row.version,
      size: row.size,
      updatedAt: row.createdAt,
    }));
    const documents = {
      canManage: false,
      list: { status: 'ready' as const, data: { data: [letter, notes], meta: { folders: ['Contracts'] } } },
      upload: jest.fn(),
      refresh: jest.fn(),
      addVersion: jest.fn(),
      download: jest.fn(),
      setArchived: jest.fn(),
      remove: jest.fn(),
    };
    renderInAdmin(<ClientOverviewView overview={overview} records={{ documents }} />);
    expect(screen.getByRole('tab', { name: /Documents/ }).textContent).toMatch(/^Documents\D*1$/);
  });
});

describe('Inviting a contact', () => {
  it('links to the read-only portal preview', () => {
    renderActions();
    expect(screen.getByRole('link', { name: 'Preview portal' }).getAttribute('href')).toBe('/plugins/clientia/clients/client-acme/preview');
  });

  it('offers no invitation to staff who may not manage records', () => {
    renderActions(false);
    expect(screen.queryByRole('button', { name: 'Invite a contact' })).toBeNull();
  });

  it('asks for a valid email and a role before calling the API', async () => {
    renderActions();
    fireEvent.click(screen.getByRole('button', { name: 'Invite a contact' }));
    const dialog = await screen.findByRole('dialog');

    typeInto(/^Name/, 'Tom Fischer');
    typeInto(/^Email/, 'tom.fischer');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    expect(await within(dialog).findByText('Enter a valid email address, e.g. name@example.com.')).toBeTruthy();
    expect(within(dialog).getByText('This field is required.')).toBeTruthy();
    expect(inviteContact).not.toHaveBeenCalled();
  });

  it('sends the invitation and shows the link once, with a copy button', async () => {
    const onInvited = jest.fn();
    inviteContact.mockResolvedValue({
      membershipId: 'm-9',
      email: 'tom@acme.example',
      role: 'member',
      expiresAt: '2026-11-19T10:00:00.000Z',
      inviteUrl: 'https://portal.acme.example/invite/abc123',
    });
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });

    renderActions(true, onInvited);
    fireEvent.click(screen.getByRole('button', { name: 'Invite a contact' }));
    const dialog = await screen.findByRole('dialog');
    typeInto(/^Name/, ' Tom Fischer ');
    typeInto(/^Email/, 'tom@acme.example');
    await chooseRole('Member');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /May sign contracts/ }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Create invitation' }));
    });

    expect(inviteContact).toHaveBeenCalledWith('client-acme', {
      name: 'Tom Fischer',
      email: 'tom@acme.example',
      role: 'member',
      signatory: true,
    });
    expect(onInvited).toHaveBeenCalled();
    expect(within(dialog).getByDisplayValue('https://portal.acme.example/invite/abc123')).toBeTruthy();
    expect(within(dialog).getByText('This link is shown only once')).toBeTruthy();

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    });
    expect(writeText).toHaveBeenCalledWith('https://portal.acme.example/invite/abc123');
    expect(within(dialog).getByText('Link copied to the clipboard.')).toBeTruthy();
  });

  it('shows what the server refused', async () => {
    inviteContact.mockRejectedValue(new ApiFailure('This email already belongs to a contact of this client', 400));
    renderActions();
    fireEvent.click(screen.getByRole('button', { name: 'Invite a contact' }));
    const dialog = await screen.findByRole('dialog');
    typeInto(/^Name/, 'Jonas Weber');
    typeInto(/^Email/, 'jonas@acme.example');
    await chooseRole('Owner');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create invitation' }));

    await waitFor(() => expect(within(dialog).getByText('This email already belongs to a contact of this client')).toBeTruthy());
    expect(within(dialog).queryByText('This link is shown only once')).toBeNull();
  });
});

describe('client record rules', () => {
  it('validates an invitation', () => {
    expect(checkInvite(EMPTY_INVITE)).toEqual({ ok: false, errors: { name: 'required', email: 'required', role: 'required' } });
    expect(checkInvite({ name: 'A', email: 'a@b.co', role: 'boss', signatory: false })).toEqual({ ok: false, errors: { role: 'invalidRole' } });
    expect(checkInvite({ name: ' A ', email: ' a@b.co ', role: 'admin', signatory: false })).toEqual({
      ok: true,
      request: { name: 'A', email: 'a@b.co', role: 'admin', signatory: false },
    });
  });

  it('measures retainer hours against the included ones', () => {
    expect(hoursUsage(12.5, 10)).toEqual({ percent: 125, over: 2.5 });
    expect(hoursUsage(4, 10)).toEqual({ percent: 40, over: 0 });
    expect(hoursUsage(4, null)).toEqual({ percent: null, over: 0 });
  });
});
