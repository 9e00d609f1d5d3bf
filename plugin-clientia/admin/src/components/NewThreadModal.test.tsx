import { act, fireEvent, screen, within } from '@testing-library/react';

import { seriousAccessibilityProblems } from '../../tests/axe';
import { renderInAdmin } from '../../tests/render';
import type { ThreadWithMessages } from '../api/client';
import { ApiFailure } from '../api/failure';
import { NewThreadModal } from './NewThreadModal';

jest.setTimeout(30_000);

const acme = { documentId: 'client-acme', name: 'Acme Legal' };
const started = { documentId: 'thr-9', subject: 'Year-end documents' } as ThreadWithMessages;
const pdf = (name: string) => new File(['%PDF-1.7\n%%EOF\n'], name, { type: 'application/pdf' });

const renderModal = (onStart = jest.fn().mockResolvedValue(started), onStarted = jest.fn()) => {
  const view = renderInAdmin(<NewThreadModal open client={acme} onClose={jest.fn()} onStart={onStart} onStarted={onStarted} />);
  return { ...view, onStart, onStarted, dialog: screen.getByRole('dialog', { name: 'New thread with Acme Legal' }) };
};
const type = (dialog: HTMLElement, label: RegExp, value: string) =>
  fireEvent.change(within(dialog).getByRole('textbox', { name: label }), { target: { value } });
const submit = async (dialog: HTMLElement) => {
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start thread' }));
  });
};

describe('Starting a thread with a client', () => {
  it('sends the subject, the first message and the files to the client the page is about', async () => {
    const { dialog, onStart, onStarted } = renderModal();
    type(dialog, /^Subject/, ' Year-end documents ');
    type(dialog, /^First message/, 'Please find the checklist attached.');
    fireEvent.change(within(dialog).getByLabelText('Files to attach'), { target: { files: [pdf('checklist.pdf')] } });
    await submit(dialog);
    expect(onStart).toHaveBeenCalledWith(
      'client-acme',
      { subject: 'Year-end documents', body: 'Please find the checklist attached.' },
      [expect.objectContaining({ name: 'checklist.pdf' })]
    );
    expect(onStarted).toHaveBeenCalledWith(started);
  });

  it('asks for a subject and a message before sending, and shows the server’s refusal', async () => {
    const onStart = jest.fn().mockRejectedValue(new ApiFailure('files: tool.pdf is empty', 400));
    const { dialog } = renderModal(onStart);
    await submit(dialog);
    expect(within(dialog).getByText('Give the thread a subject.')).toBeTruthy();
    expect(within(dialog).getByText('Write the first message.')).toBeTruthy();
    expect(onStart).not.toHaveBeenCalled();

    type(dialog, /^Subject/, 'Kick-off');
    type(dialog, /^First message/, 'When suits you?');
    await submit(dialog);
    expect(within(dialog).getByText('files: tool.pdf is empty')).toBeTruthy();
  });

  it('has no serious accessibility problems', async () => {
    renderModal();
    expect(await seriousAccessibilityProblems(document.body)).toEqual([]);
  });
});
