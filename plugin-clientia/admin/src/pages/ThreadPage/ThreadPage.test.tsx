import { act, fireEvent, screen, within } from '@testing-library/react';

import { renderInAdmin } from '../../../tests/render';
import type { ThreadWithMessages } from '../../api/client';
import { ThreadView } from './components/ThreadView';

const thread = (changes: Partial<ThreadWithMessages> = {}): ThreadWithMessages => ({
  documentId: 'thr-1',
  subject: 'Question about invoice 2026-0007',
  state: 'open',
  client: { documentId: 'client-acme', name: 'Acme Legal' },
  lastMessageAt: '2026-11-11T08:30:00.000Z',
  unreadByStaff: false,
  messageCount: 2,
  messages: [
    { documentId: 'msg-1', body: 'Why is VAT charged twice?', authorType: 'contact', authorName: 'Lea Braun', createdAt: '2026-11-10T08:30:00.000Z', attachments: [] },
    { documentId: 'msg-2', body: 'Let me check and come back to you.', authorType: 'staff', authorName: 'Maria Keller', createdAt: '2026-11-11T08:30:00.000Z', attachments: [] },
  ],
  ...changes,
});

describe('Inbox thread', () => {
  it('tells the firm\'s messages apart from the client\'s', () => {
    renderInAdmin(<ThreadView thread={thread()} canReply onReply={jest.fn()} fetchAttachment={jest.fn()} />);
    const fromClient = screen.getByRole('article', { name: 'Message from Lea Braun (client contact)' });
    const fromStaff = screen.getByRole('article', { name: 'Message from Maria Keller (staff)' });
    expect(within(fromClient).getByText('Why is VAT charged twice?')).toBeTruthy();
    expect(within(fromClient).getByText('Client contact')).toBeTruthy();
    expect(within(fromStaff).getByText('Staff')).toBeTruthy();
    expect(fromStaff.closest('li')!.getAttribute('data-author')).toBe('staff');
  });

  it('refuses an empty reply and sends a written one', async () => {
    const onReply = jest.fn().mockResolvedValue(undefined);
    renderInAdmin(<ThreadView thread={thread()} canReply onReply={onReply} fetchAttachment={jest.fn()} />);
    const send = screen.getByRole('button', { name: 'Send reply' });

    fireEvent.change(screen.getByRole('textbox', { name: /^Reply/ }), { target: { value: '   ' } });
    await act(async () => {
      fireEvent.click(send);
    });
    expect(screen.getByText('Write a reply before sending.')).toBeTruthy();
    expect(onReply).not.toHaveBeenCalled();

    fireEvent.change(screen.getByRole('textbox', { name: /^Reply/ }), { target: { value: ' It was a mistake, a corrected invoice follows. ' } });
    await act(async () => {
      fireEvent.click(send);
    });
    expect(onReply).toHaveBeenCalledWith('It was a mistake, a corrected invoice follows.', []);
    expect((screen.getByRole('textbox', { name: /^Reply/ }) as HTMLTextAreaElement).value).toBe('');
  });

  it('offers no reply without the permission, nor on a closed thread', () => {
    const { unmount } = renderInAdmin(<ThreadView thread={thread()} canReply={false} onReply={jest.fn()} fetchAttachment={jest.fn()} />);
    expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull();
    expect(screen.getByText(/Replying needs the permission to manage client records/)).toBeTruthy();
    unmount();

    renderInAdmin(<ThreadView thread={thread({ state: 'closed' })} canReply onReply={jest.fn()} fetchAttachment={jest.fn()} />);
    expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull();
    expect(screen.getByText('This thread is closed. Reopen it to reply.')).toBeTruthy();
  });
});
