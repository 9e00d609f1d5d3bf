import path from 'node:path';

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';

import { seriousAccessibilityProblems } from '../../../tests/axe';
import { renderInAdmin } from '../../../tests/render';
import { clientiaApi, type ThreadWithMessages } from '../../api/client';
import { ThreadView } from './components/ThreadView';

// The admin's real fetch client (the whole admin bundle does not load in jsdom): what it sends is
// what the browser sends, the staff member's token included. The factory runs when the API module
// first asks for it, after this file's imports are bound.
jest.mock('@strapi/strapi/admin', () =>
  jest.requireActual(path.resolve(__dirname, '../../../../../node_modules/@strapi/admin/dist/admin/admin/src/utils/getFetchClient.js'))
);

jest.setTimeout(30_000);

const BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0x80]);
const ATTACHMENT_URL = '/clientia/threads/thr-1/attachments/msg-1/0123456789abcdef01234567';

const thread = (): ThreadWithMessages => ({
  documentId: 'thr-1',
  subject: 'Payroll questions',
  state: 'open',
  client: { documentId: 'client-acme', name: 'Acme Legal' },
  lastMessageAt: '2026-11-11T08:30:00.000Z',
  unreadByStaff: false,
  messageCount: 1,
  messages: [
    {
      documentId: 'msg-1',
      body: 'The corrected payslip, as promised.',
      authorType: 'contact',
      authorName: 'Lea Braun',
      createdAt: '2026-11-11T08:30:00.000Z',
      attachments: [{ name: 'payslip.pdf', url: ATTACHMENT_URL, size: BYTES.length }],
    },
  ],
});

const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });

type FakeResponse = { ok: boolean; status: number; headers: Headers; blob: () => Promise<Blob>; json: () => Promise<unknown> };
const answer = (status: number, body: BlobPart = BYTES): FakeResponse => ({
  ok: status < 400,
  status,
  headers: new Headers({ 'Content-Type': status < 400 ? 'application/pdf' : 'application/json' }),
  blob: async () => new Blob([body], { type: 'application/pdf' }),
  json: async () => ({ data: null, error: { status, name: 'NotFoundError', message: 'No attachment has this id' } }),
});

let requests: { url: string; authorization: string | null }[];
let saved: { blob: Blob; name: string }[];

beforeEach(() => {
  requests = [];
  saved = [];
  (window as unknown as { strapi: { backendURL: string } }).strapi = { backendURL: 'http://localhost:1337' };
  localStorage.setItem('jwtToken', JSON.stringify('staff-admin-token'));
  globalThis.fetch = jest.fn(async (url: string, init: { headers: Headers }) => {
    requests.push({ url, authorization: init.headers.get('Authorization') });
    return answer(200);
  }) as unknown as typeof fetch;
  let current: Blob | null = null;
  URL.createObjectURL = jest.fn((blob: Blob) => {
    current = blob;
    return 'blob:attachment';
  });
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: current!, name: this.download });
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  localStorage.clear();
});

describe('Thread attachments', () => {
  it('opens an attachment through the API module with the staff token and saves the same bytes', async () => {
    const { container } = renderInAdmin(<ThreadView thread={thread()} canReply onReply={jest.fn()} fetchAttachment={clientiaApi.downloadAttachment} />);
    // No plain link to the admin API: a browser would follow it without the token and get 401.
    expect(container.querySelector('a[href*="/clientia/"]')).toBeNull();

    const message = screen.getByRole('article', { name: 'Message from Lea Braun (client contact)' });
    await act(async () => {
      fireEvent.click(within(message).getByRole('button', { name: /^Download payslip\.pdf/ }));
    });
    await waitFor(() => expect(saved).toHaveLength(1));

    expect(requests).toEqual([{ url: `http://localhost:1337${ATTACHMENT_URL}`, authorization: 'Bearer staff-admin-token' }]);
    expect(saved[0]!.name).toBe('payslip.pdf');
    expect(Array.from(await bytesOf(saved[0]!.blob))).toEqual(Array.from(BYTES));
  });

  it('says so next to the file when it is no longer there, and saves nothing', async () => {
    globalThis.fetch = jest.fn(async () => answer(404)) as unknown as typeof fetch;
    renderInAdmin(<ThreadView thread={thread()} canReply onReply={jest.fn()} fetchAttachment={clientiaApi.downloadAttachment} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /^Download payslip\.pdf/ }));
    });
    const note = await screen.findByText('payslip.pdf is no longer available.');
    expect(note.getAttribute('role')).toBe('alert');
    expect(saved).toEqual([]);
  });
});

describe('Replying with files', () => {
  const pdf = (name: string) => new File(['%PDF-1.7\n%%EOF\n'], name, { type: 'application/pdf' });
  const attach = (...files: File[]) => fireEvent.change(screen.getByLabelText('Files to attach'), { target: { files } });
  const write = (text: string) => fireEvent.change(screen.getByRole('textbox', { name: /^Reply/ }), { target: { value: text } });
  const send = async () => {
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    });
  };

  it('sends the chosen files with the reply, and lets one be taken off first', async () => {
    const onReply = jest.fn().mockResolvedValue(undefined);
    renderInAdmin(<ThreadView thread={thread()} canReply onReply={onReply} fetchAttachment={clientiaApi.downloadAttachment} />);
    attach(pdf('payslip-corrected.pdf'), pdf('wrong.pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove wrong.pdf' }));
    write('Here is the corrected payslip.');
    await send();
    expect(onReply).toHaveBeenCalledWith('Here is the corrected payslip.', [expect.objectContaining({ name: 'payslip-corrected.pdf' })]);
    // Sent: the form is empty again.
    expect(screen.queryByRole('button', { name: 'Remove payslip-corrected.pdf' })).toBeNull();
  });

  it('refuses more files than a message may carry, before sending', async () => {
    const onReply = jest.fn().mockResolvedValue(undefined);
    renderInAdmin(<ThreadView thread={thread()} canReply onReply={onReply} fetchAttachment={clientiaApi.downloadAttachment} />);
    attach(...Array.from({ length: 6 }, (_, i) => pdf(`page-${i + 1}.pdf`)));
    write('All six pages.');
    await send();
    expect(screen.getByText('A message can carry at most 5 files.').getAttribute('role')).toBe('alert');
    expect(onReply).not.toHaveBeenCalled();
  });

  it('has no serious accessibility problems', async () => {
    const { container } = renderInAdmin(<ThreadView thread={thread()} canReply onReply={jest.fn()} fetchAttachment={clientiaApi.downloadAttachment} />);
    attach(pdf('payslip.pdf'));
    expect(await seriousAccessibilityProblems(container)).toEqual([]);
  });
});
