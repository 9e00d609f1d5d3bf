import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { screen, waitFor } from '@testing-library/react';

import type { AdminSigningView } from '../../../shared/contracts/signing';
import { renderInAdmin } from '../../tests/render';
import { usePermission } from '../hooks/usePermission';
import { contractSigningApi } from '../pages/ContractSigningPage/signingApi';
import { ContractSigningPanel, type ContractSigningPanelProps } from './ContractSigningPanel';

jest.mock('../hooks/usePermission', () => ({ usePermission: jest.fn() }));
jest.mock('../pages/ContractSigningPage/signingApi', () => ({ contractSigningApi: { getSigning: jest.fn() } }));

// The Content Manager's own type for side panels: the registration in index.ts relies on this fitting.
const registered: PanelComponent[] = [ContractSigningPanel];

const allowed = usePermission as jest.MockedFunction<typeof usePermission>;
const getSigning = contractSigningApi.getSigning as jest.MockedFunction<typeof contractSigningApi.getSigning>;

const view = (changes: Partial<AdminSigningView> = {}): AdminSigningView => ({
  contract: {
    documentId: 'con-7',
    number: 'C-17',
    title: 'Statement of work',
    kind: 'sow',
    state: 'partially_signed',
    version: 1,
    client: { documentId: 'client-acme', name: 'Acme Legal' },
    hasFile: true,
    file: { storage: 'private', name: 'Statement of work.pdf', size: 48_213, sha256: '43cc23fa52b87b4cc1d02b5b114154151d6adddb17c9fddc06b027fa99e24008' },
    documentHash: '43cc23fa52b87b4cc1d02b5b114154151d6adddb17c9fddc06b027fa99e24008',
    sequentialSigning: true,
    sentAt: '2026-11-01T09:00:00.000Z',
    signedAt: null,
    amends: null,
    effectiveDate: null,
    endDate: null,
    renewalDate: null,
    value: null,
    currency: 'EUR',
    internalNotes: null,
  },
  amendments: [],
  canSend: false,
  cannotSendReason: 'Only a draft can be sent.',
  candidates: [],
  signatories: [
    { documentId: 'm-1', order: 1, name: 'Jonas Weber', email: null, status: 'signed', at: '2026-11-02T08:00:00.000Z', isCaller: false },
    { documentId: 'm-2', order: 2, name: 'Mara Sommer', email: null, status: 'pending', at: null, isCaller: false },
  ],
  completed: null,
  declineReason: null,
  events: [],
  ...changes,
});

/** Renders a panel description the way the Content Manager does: its title over its content. */
const Panel = (props: ContractSigningPanelProps) => {
  const description = ContractSigningPanel(props);
  if (!description) return <p>No panel</p>;
  return (
    <aside aria-label={description.title}>
      <h2>{description.title}</h2>
      {description.content}
    </aside>
  );
};

beforeEach(() => {
  allowed.mockReturnValue({ allowed: true, isLoading: false });
  getSigning.mockReset();
});

describe('Signing panel in the Content Manager', () => {
  it('is one of the side panels the Content Manager accepts', () => {
    expect(registered).toHaveLength(1);
  });

  it('appears only on a saved contract, for staff who may read client records', () => {
    const { unmount } = renderInAdmin(<Panel model="plugin::clientia.invoice" documentId="inv-1" />);
    expect(screen.getByText('No panel')).toBeTruthy();
    unmount();

    const creating = renderInAdmin(<Panel model="plugin::clientia.contract" />);
    expect(screen.getByText('No panel')).toBeTruthy();
    creating.unmount();

    allowed.mockReturnValue({ allowed: false, isLoading: false });
    renderInAdmin(<Panel model="plugin::clientia.contract" documentId="con-7" document={{ state: 'draft' }} />);
    expect(screen.getByText('No panel')).toBeTruthy();
    expect(getSigning).not.toHaveBeenCalled();
  });

  it("shows how far the signing is and links to the contract's signing page", async () => {
    getSigning.mockResolvedValue(view());
    renderInAdmin(<Panel model="plugin::clientia.contract" documentId="con-7" document={{ state: 'sent', updatedAt: '2026-11-02' }} />);
    const panel = screen.getByRole('complementary', { name: 'Signing' });
    expect(await screen.findByText('1 of 2 signed')).toBeTruthy();
    expect(screen.getByText('Partially signed')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Signing and audit trail' });
    expect(link.getAttribute('href')).toBe('/plugins/clientia/contracts/con-7/signing');
    expect(panel.contains(link)).toBe(true);
    expect(getSigning).toHaveBeenCalledWith('con-7');
  });

  it("keeps the edit view's state and the link when the signing view cannot be loaded", async () => {
    getSigning.mockRejectedValue(new Error('Forbidden'));
    renderInAdmin(<Panel model="plugin::clientia.contract" documentId="con-7" document={{ state: 'draft' }} />);
    await waitFor(() => expect(screen.queryByText('Loading the signing state…')).toBeNull());
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Signing and audit trail' })).toBeTruthy();
  });

  it('says a draft is ready to send, or why not', async () => {
    getSigning.mockResolvedValue(view({ contract: { ...view().contract, state: 'draft' }, canSend: false, cannotSendReason: 'Attach the PDF to sign first.', signatories: [] }));
    renderInAdmin(<Panel model="plugin::clientia.contract" documentId="con-7" document={{ state: 'draft' }} />);
    expect(await screen.findByText('Attach the PDF to sign first.')).toBeTruthy();
  });
});
