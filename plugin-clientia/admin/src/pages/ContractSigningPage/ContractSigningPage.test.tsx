import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';

import type { AdminSignatureEvent, AdminSigningView, ContractVerification } from '../../../../shared/contracts/signing';
import { renderInAdmin } from '../../../tests/render';
import { ApiFailure } from '../../api/failure';
import de from '../../translations/de.json';
import en from '../../translations/en.json';
import { SigningView } from './components/SigningView';
import { TrailTable } from './components/TrailTable';
import { VerificationResult } from './components/VerificationResult';

const DOCUMENT = '43cc23fa52b87b4cc1d02b5b114154151d6adddb17c9fddc06b027fa99e24008';
const COMPLETED = '4ddb3e96801a1ee2b77dc5247c0db478d5f97a93b90e7cdb09f5f51d43764b08';
const SESSION = '3f3af1ecebbd1410ab417ec0d27bbfcb5d340e177ae159b59fc8626c2dfd9175';
const HASHES = {
  sent: '7afbb3347fb7252e533d58d99d72d9106fc6fdb3f30df23fa70b764c15ac42c5',
  viewed: '43974198e81582f557f411e4af4974f85ea0569920496712c537e50a17be1518',
  signed: '513eac0a109c2a0b779f5ed60780b4ce1c39469f20fa90d885efe7e0f027e1cf',
  completed: '5926c8cbb4be9ae3dcf769a7a5970e1ba7ed2386b7e60af7bf3a669be9c1e15c',
};

const event = (changes: Partial<AdminSignatureEvent> & Pick<AdminSignatureEvent, 'type' | 'hash'>): AdminSignatureEvent => ({
  occurredAt: '2026-11-02T09:00:00.000Z',
  actor: null,
  contractVersion: 1,
  documentHash: DOCUMENT,
  email: null,
  typedName: null,
  consentVersion: null,
  ip: null,
  userAgent: null,
  sessionHash: null,
  authMethod: null,
  reason: null,
  previousHash: null,
  ...changes,
});

const trail: AdminSignatureEvent[] = [
  event({ type: 'sent', hash: HASHES.sent, occurredAt: '2026-11-01T09:00:00.000Z' }),
  event({
    type: 'viewed',
    hash: HASHES.viewed,
    previousHash: HASHES.sent,
    occurredAt: '2026-11-02T08:15:30.000Z',
    actor: 'jonas@acme.example',
    email: 'jonas@acme.example',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    sessionHash: SESSION,
    authMethod: 'password',
  }),
  event({
    type: 'signed',
    hash: HASHES.signed,
    previousHash: HASHES.viewed,
    occurredAt: '2026-11-02T08:17:02.000Z',
    actor: 'Jonas Weber',
    typedName: 'Jonas Weber',
    email: 'jonas@acme.example',
    ip: '203.0.113.7',
    authMethod: 'password',
  }),
  event({ type: 'completed', hash: HASHES.completed, previousHash: HASHES.signed, occurredAt: '2026-11-02T08:17:03.000Z' }),
];

const draftView = (changes: Partial<AdminSigningView> = {}): AdminSigningView => ({
  contract: {
    documentId: 'con-7',
    number: 'C-17',
    title: 'Statement of work: website relaunch',
    kind: 'sow',
    state: 'draft',
    version: 1,
    client: { documentId: 'client-acme', name: 'Acme Legal' },
    hasFile: true,
    file: { storage: 'private', name: 'SOW website relaunch.pdf', size: 48_213, sha256: DOCUMENT },
    documentHash: null,
    sequentialSigning: false,
    sentAt: null,
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
  canSend: true,
  cannotSendReason: null,
  candidates: [
    { documentId: 'm-jonas', name: 'Jonas Weber', email: 'jonas@acme.example', role: 'owner', eligible: true },
    { documentId: 'm-lea', name: 'Lea Braun', email: 'lea@acme.example', role: 'billing', eligible: false },
    { documentId: 'm-mara', name: 'Mara Sommer', email: 'mara@acme.example', role: 'admin', eligible: true },
  ],
  signatories: [],
  completed: null,
  declineReason: null,
  events: [],
  ...changes,
});

const signedView = (): AdminSigningView => ({
  ...draftView(),
  contract: {
    ...draftView().contract,
    state: 'signed',
    documentHash: DOCUMENT,
    sentAt: '2026-11-01T09:00:00.000Z',
    signedAt: '2026-11-02T08:17:03.000Z',
  },
  canSend: false,
  cannotSendReason: 'Only a draft can be sent; this contract is signed.',
  signatories: [
    { documentId: 'm-jonas', order: 1, name: 'Jonas Weber', email: 'jonas@acme.example', status: 'signed', at: '2026-11-02T08:17:02.000Z', isCaller: false },
  ],
  completed: { sha256: COMPLETED, verificationCode: 'K7QF-2M9X-PL4D', completedAt: '2026-11-02T08:17:03.000Z', size: 48_213 },
  events: trail,
});

const verification = (changes: Partial<ContractVerification> = {}): ContractVerification => ({
  valid: true,
  checkedAt: '2026-11-20T10:00:00.000Z',
  contract: { documentId: 'con-7', number: 'C-17', version: 1 },
  events: 4,
  head: HASHES.completed,
  verificationCode: 'K7QF-2M9X-PL4D',
  document: { recorded: DOCUMENT, actual: DOCUMENT },
  completedDocument: { recorded: COMPLETED, actual: COMPLETED },
  findings: [],
  trail: trail.map(({ type, occurredAt, actor, hash }) => ({ type, occurredAt, actor, hash })),
  ...changes,
});

const renderView = (view: AdminSigningView, { canManage = true, onSend = jest.fn(), onVerify = jest.fn() } = {}) =>
  renderInAdmin(
    <SigningView view={view} canManage={canManage} verification={null} onSend={onSend} onDownload={jest.fn()} onVerify={onVerify} />
  );

const sendForm = () => screen.getByRole('form', { name: 'Send for signature' });
const checkbox = (name: string) => within(sendForm()).getByRole('checkbox', { name });
const orderList = () => within(sendForm()).getByRole('list', { name: 'Signing order' });
/** Each place in the order as "position name", leaving out the move buttons' hidden labels. */
const orderNames = () =>
  within(orderList())
    .getAllByRole('listitem')
    .map((item) => {
      const buttons = within(item).getAllByRole('button');
      const visible = [...item.querySelectorAll<HTMLElement>('span, p')].filter(
        (node) => node.children.length === 0 && !buttons.some((button) => button.contains(node)) && node.textContent
      );
      return visible.map((node) => node.textContent).join(' ');
    });

describe('Sending a contract for signature', () => {
  it('offers the eligible contacts and explains why another cannot sign', () => {
    renderView(draftView());
    expect(checkbox('Jonas Weber').hasAttribute('disabled')).toBe(false);
    expect(checkbox('Mara Sommer').hasAttribute('disabled')).toBe(false);
    const lea = checkbox('Lea Braun');
    expect(lea.hasAttribute('disabled')).toBe(true);
    expect(lea.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(lea.getAttribute('aria-describedby')!)!.textContent).toBe(
      'lea@acme.example · Billing · not marked as signatory or cannot see contracts'
    );
    expect(screen.getByRole('button', { name: 'Send for signature' }).hasAttribute('disabled')).toBe(true);
  });

  it('sends the chosen signatories in the arranged order, in order when asked', async () => {
    const onSend = jest.fn().mockResolvedValue(undefined);
    renderView(draftView(), { onSend });

    fireEvent.click(checkbox('Jonas Weber'));
    fireEvent.click(checkbox('Mara Sommer'));
    expect(orderNames()).toEqual(['1. Jonas Weber', '2. Mara Sommer']);

    fireEvent.click(within(orderList()).getByRole('button', { name: 'Move Mara Sommer up' }));
    expect(orderNames()).toEqual(['1. Mara Sommer', '2. Jonas Weber']);
    expect(within(orderList()).getByRole('button', { name: 'Move Mara Sommer up' }).getAttribute('aria-disabled')).toBe('true');
    expect(within(orderList()).getByRole('button', { name: 'Move Jonas Weber down' }).getAttribute('aria-disabled')).toBe('true');

    fireEvent.click(screen.getByRole('checkbox', { name: /^Sign in this order/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send for signature' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Send this contract for signature?' });
    expect(within(dialog).getByText('2 signatories will be asked to sign C-17 · Statement of work: website relaunch. The PDF is fixed with its SHA-256 from now on.')).toBeTruthy();
    expect(within(dialog).getByText(/They sign in the order shown/)).toBeTruthy();
    expect(onSend).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send now' }));
    });
    expect(onSend).toHaveBeenCalledWith({ signatories: ['m-mara', 'm-jonas'], sequential: true });
  });

  it('starts from the signatories prepared on the draft', () => {
    renderView(
      draftView({
        signatories: [
          { documentId: 'm-mara', order: 1, name: 'Mara Sommer', email: 'mara@acme.example', status: 'pending', at: null, isCaller: false },
        ],
      })
    );
    expect((checkbox('Mara Sommer') as HTMLButtonElement).getAttribute('aria-checked')).toBe('true');
    expect(orderNames()).toEqual(['1. Mara Sommer']);
  });

  it("shows the server's reason when it refuses to send", async () => {
    const onSend = jest.fn().mockRejectedValue(new ApiFailure('The contract has no PDF to sign.', 400));
    renderView(draftView(), { onSend });
    fireEvent.click(checkbox('Jonas Weber'));
    fireEvent.click(screen.getByRole('button', { name: 'Send for signature' }));
    const dialog = await screen.findByRole('alertdialog');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send now' }));
    });
    expect(screen.getByText('The contract was not sent')).toBeTruthy();
    expect(screen.getByText('The contract has no PDF to sign.')).toBeTruthy();
  });

  it('shows the choice but does not let staff without the permission send', () => {
    renderView(draftView(), { canManage: false });
    expect(checkbox('Jonas Weber').hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Send for signature' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Sending a contract needs the permission to manage client records.')).toBeTruthy();
  });

  it('says why a draft cannot be sent', () => {
    renderView(draftView({ canSend: false, cannotSendReason: 'Attach the PDF to sign before sending.', contract: { ...draftView().contract, hasFile: false, file: null } }));
    expect(screen.queryByRole('form', { name: 'Send for signature' })).toBeNull();
    expect(screen.getByText('This contract cannot be sent for signature')).toBeTruthy();
    expect(screen.getByText('Attach the PDF to sign before sending.')).toBeTruthy();
    expect(screen.getByText('No PDF attached yet')).toBeTruthy();
  });
});

describe('A signed contract', () => {
  it('lists the signatories, the completed document and the whole trail', () => {
    renderView(signedView());

    const signatories = screen.getByRole('region', { name: 'Signatories' });
    expect(within(signatories).getByText('1 of 1 signed · Signed in any order')).toBeTruthy();
    expect(within(signatories).getByText('Jonas Weber')).toBeTruthy();
    expect(within(signatories).getByText('Signed')).toBeTruthy();

    const completed = screen.getByRole('region', { name: 'Completed document' });
    expect(within(completed).getByText(COMPLETED)).toBeTruthy();
    expect(within(completed).getByText('K7QF-2M9X-PL4D')).toBeTruthy();
    expect(within(completed).getByText('2026-11-02 08:17:03 UTC')).toBeTruthy();
    expect(within(completed).getByText('47.1 kB')).toBeTruthy();
    expect(within(completed).getByRole('button', { name: 'Download signed PDF' })).toBeTruthy();

    expect(screen.getByText(DOCUMENT)).toBeTruthy();
    expect(screen.getByText('Only a draft can be sent; this contract is signed.')).toBeTruthy();
  });

  it('shows the decline reason', () => {
    renderView({
      ...signedView(),
      contract: { ...signedView().contract, state: 'declined', signedAt: null },
      completed: null,
      declineReason: 'The payment terms are not what we agreed.',
    });
    expect(screen.queryByRole('region', { name: 'Completed document' })).toBeNull();
    expect(screen.getByText('Reason given for declining')).toBeTruthy();
    expect(screen.getByText('The payment terms are not what we agreed.')).toBeTruthy();
  });

  it('runs the verification from the trail', async () => {
    const onVerify = jest.fn().mockRejectedValue(new ApiFailure('Forbidden', 403));
    renderView(signedView(), { onVerify });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Verify trail' }));
    });
    expect(onVerify).toHaveBeenCalledTimes(1);
    expect(screen.getByText('The trail could not be verified')).toBeTruthy();
    expect(screen.getByText('Forbidden')).toBeTruthy();
  });
});

describe('Editing a contract on its signing page', () => {
  const sentView = (): AdminSigningView => ({
    ...draftView(),
    contract: { ...draftView().contract, state: 'partially_signed', documentHash: DOCUMENT, sequentialSigning: true, sentAt: '2026-11-01T09:00:00.000Z' },
    canSend: false,
    cannotSendReason: 'Only a draft can be sent; this contract is partially signed.',
    signatories: [
      { documentId: 'm-jonas', order: 1, name: 'Jonas Weber', email: 'jonas@acme.example', status: 'signed', at: '2026-11-02T08:17:02.000Z', isCaller: false },
      { documentId: 'm-mara', order: 2, name: 'Mara Sommer', email: 'mara@acme.example', status: 'pending', at: null, isCaller: false },
      { documentId: 'm-lea', order: 3, name: 'Lea Braun', email: 'lea@acme.example', status: 'pending', at: null, isCaller: false },
    ],
  });
  const handlers = () => ({ onUpload: jest.fn(), onEdit: jest.fn(), onRemind: jest.fn(), onCancel: jest.fn(), onAmend: jest.fn() });
  const renderEditor = (view: AdminSigningView, actions = handlers(), canManage = true) => {
    renderInAdmin(
      <SigningView view={view} canManage={canManage} verification={null} onSend={jest.fn()} onDownload={jest.fn()} onVerify={jest.fn()} {...actions} />
    );
    return actions;
  };

  it('uploads a draft’s PDF into private storage, refusing anything else before it is sent', async () => {
    const actions = renderEditor(draftView({ contract: { ...draftView().contract, hasFile: false, file: null } }));
    const upload = screen.getByRole('form', { name: 'Upload the contract PDF' });
    const input = within(upload).getByLabelText('Contract PDF') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] } });
    expect(within(upload).getByText('Choose a PDF file.')).toBeTruthy();
    expect(within(upload).getByRole('button', { name: 'Upload PDF' }).hasAttribute('disabled')).toBe(true);

    const pdf = new File(['%PDF-1.7'], 'SOW.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [pdf] } });
    actions.onUpload.mockResolvedValue(undefined);
    await act(async () => {
      fireEvent.click(within(upload).getByRole('button', { name: 'Upload PDF' }));
    });
    expect(actions.onUpload).toHaveBeenCalledWith(pdf);
  });

  it('says where an uploaded PDF is kept, and offers no upload once the contract is out for signature', () => {
    renderEditor(draftView());
    expect(screen.getByText('SOW website relaunch.pdf (47.1 kB), in private storage')).toBeTruthy();
    expect(screen.getByLabelText('Replace the contract PDF')).toBeTruthy();
    cleanup();
    renderEditor(sentView());
    expect(screen.queryByRole('form', { name: 'Upload the contract PDF' })).toBeNull();
  });

  it('reminds only the signatory whose turn it is', async () => {
    const actions = renderEditor(sentView());
    const signatories = screen.getByRole('region', { name: 'Signatories' });
    expect(within(signatories).queryByRole('button', { name: 'Remind Jonas Weber' })).toBeNull();
    expect(within(signatories).queryByRole('button', { name: 'Remind Lea Braun' })).toBeNull();
    actions.onRemind.mockResolvedValue(undefined);
    await act(async () => {
      fireEvent.click(within(signatories).getByRole('button', { name: 'Remind Mara Sommer' }));
    });
    expect(actions.onRemind).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'm-mara' }));
  });

  it('cancels the signing request with a reason, after asking', async () => {
    const actions = renderEditor(sentView());
    actions.onCancel.mockResolvedValue(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel signing request' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel the signing request?' });
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Fee schedule changes' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel request' }));
    });
    expect(actions.onCancel).toHaveBeenCalledWith('Fee schedule changes');
  });

  it('amends a signed contract as a new draft, and lists its amendments', async () => {
    const actions = renderEditor({
      ...signedView(),
      amendments: [{ documentId: 'con-8', number: 'C-18', title: 'Amendment to Statement of work', state: 'draft' }],
    });
    const section = screen.getByRole('region', { name: 'Amendments' });
    expect(within(section).getByRole('link', { name: 'C-18 · Amendment to Statement of work' }).getAttribute('href')).toBe('/plugins/clientia/contracts/con-8/signing');
    actions.onAmend.mockResolvedValue(undefined);
    fireEvent.click(within(section).getByRole('button', { name: 'Amend contract' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Amend this contract?' });
    expect((within(dialog).getByLabelText(/^Title of the amendment/) as HTMLInputElement).value).toBe('Amendment to Statement of work: website relaunch');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Create amendment' }));
    });
    expect(actions.onAmend).toHaveBeenCalledWith('Amendment to Statement of work: website relaunch');
    expect(screen.getByRole('button', { name: 'Edit renewal date' })).toBeTruthy();
  });

  it('offers none of it to staff who may only read', () => {
    renderEditor(sentView(), handlers(), false);
    expect(screen.queryByRole('button', { name: 'Cancel signing request' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remind/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit/ })).toBeNull();
  });
});

describe('Audit trail', () => {
  it('shows each event in UTC with who, where, how, and short hashes that keep the full value', () => {
    renderInAdmin(<TrailTable events={trail} flagged={new Set([2])} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-event'))).toEqual(['sent', 'viewed', 'signed', 'completed']);

    const sent = within(rows[0]);
    expect(sent.getByText('Sent')).toBeTruthy();
    expect(sent.getByText('2026-11-01 09:00:00 UTC')).toBeTruthy();
    expect(sent.getByText('The firm (system)')).toBeTruthy();

    const viewed = within(rows[1]);
    expect(viewed.getByText('Viewed')).toBeTruthy();
    expect(viewed.getByText('2026-11-02 08:15:30 UTC')).toBeTruthy();
    expect(viewed.getByText('jonas@acme.example')).toBeTruthy();
    expect(viewed.getByText('203.0.113.7')).toBeTruthy();
    expect(viewed.getByText('Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0')).toBeTruthy();
    expect(viewed.getByText('Password')).toBeTruthy();
    const hash = viewed.getByText('43974198e815…');
    expect(hash.getAttribute('title')).toBe(HASHES.viewed);
    expect(viewed.getByText('7afbb3347fb7…').getAttribute('title')).toBe(HASHES.sent);

    const signed = within(rows[2]);
    expect(signed.getByText('Jonas Weber')).toBeTruthy();
    expect(signed.getByText('jonas@acme.example')).toBeTruthy();
    expect(signed.getByText('Finding')).toBeTruthy();
    expect(rows[2].getAttribute('data-flagged')).toBe('true');
    expect(rows[1].getAttribute('data-flagged')).toBeNull();
  });

  it('says when there is no trail yet', () => {
    renderInAdmin(<TrailTable events={[]} />);
    expect(screen.getByText('No events yet. The trail starts when the contract is sent.')).toBeTruthy();
  });
});

describe('Trail verification result', () => {
  it('says plainly that an intact trail verifies, with the hashes compared', () => {
    renderInAdmin(<VerificationResult verification={verification()} />);
    const result = screen.getByRole('status', { name: 'Verification result' });
    expect(result.getAttribute('data-valid')).toBe('true');
    expect(within(result).getByText('The trail is intact')).toBeTruthy();
    expect(within(result).getByText('4')).toBeTruthy();
    expect(within(result).getByText('5926c8cbb4be…').getAttribute('title')).toBe(HASHES.completed);
    expect(within(result).getByText('K7QF-2M9X-PL4D')).toBeTruthy();
    expect(within(result).getAllByText('Matches')).toHaveLength(2);
    expect(within(result).getByText('2026-11-20 10:00:00 UTC')).toBeTruthy();
    expect(within(result).queryByRole('list', { name: 'Findings' })).toBeNull();
  });

  it('names every finding of a broken trail and the file that no longer matches', () => {
    const tampered = COMPLETED.replace(/^4d/, '00');
    renderInAdmin(
      <VerificationResult
        verification={verification({
          valid: false,
          completedDocument: { recorded: COMPLETED, actual: tampered },
          findings: [
            { kind: 'altered', index: 2, message: 'The signed event no longer hashes to the value recorded.' },
            { kind: 'file-changed', index: null, message: 'The completed PDF differs from the one produced at completion.' },
          ],
        })}
      />
    );
    const result = screen.getByRole('status', { name: 'Verification result' });
    expect(result.getAttribute('data-valid')).toBe('false');
    expect(within(result).getByText('The trail does not verify')).toBeTruthy();
    expect(within(result).getByText('The check found 2 problems:')).toBeTruthy();

    const findings = within(within(result).getByRole('list', { name: 'Findings' })).getAllByRole('listitem');
    expect(findings.map((finding) => finding.textContent)).toEqual([
      'File changed The completed PDF differs from the one produced at completion.',
      'Event altered at event 3: The signed event no longer hashes to the value recorded.',
    ]);
    expect(within(result).getByText('Matches')).toBeTruthy();
    expect(within(result).getByText('Does not match')).toBeTruthy();
    expect(within(result).getByText('00db3e96801a…').getAttribute('title')).toBe(tampered);
  });

  it('does not compare a completed document before there is one', () => {
    renderInAdmin(
      <VerificationResult verification={verification({ completedDocument: null, verificationCode: null, document: { recorded: DOCUMENT, actual: null } })} />
    );
    expect(screen.getByText('Not completed yet')).toBeTruthy();
    expect(screen.getByText('Cannot be compared')).toBeTruthy();
  });
});

describe('Signing messages', () => {
  const placeholders = (message: string) => [...message.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]).sort();
  const signingKeys = (messages: Record<string, string>) => Object.keys(messages).filter((key) => key.startsWith('signing.'));

  it('exist in German too, with the same placeholders', () => {
    expect(signingKeys(de)).toEqual(signingKeys(en));
    for (const key of signingKeys(en)) {
      expect([key, placeholders(de[key as keyof typeof de])]).toEqual([key, placeholders(en[key as keyof typeof en])]);
    }
  });
});
