import { act, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';

import { clientiaApi } from '../api/client';
import { inboxChanged } from '../utils/inboxEvents';
import { useAwaitingThreads } from './useAwaitingThreads';

jest.mock('../api/client', () => ({ clientiaApi: { countAwaitingThreads: jest.fn() } }));

const countAwaitingThreads = clientiaApi.countAwaitingThreads as jest.MockedFunction<typeof clientiaApi.countAwaitingThreads>;

const Count = () => {
  const count = useAwaitingThreads();
  return <output>{count === null ? 'unknown' : String(count)}</output>;
};

describe('Threads awaiting the firm, for the menu', () => {
  it('counts again when a page says the inbox changed, and shows nothing when it cannot ask', async () => {
    countAwaitingThreads.mockResolvedValueOnce(3).mockResolvedValueOnce(2).mockRejectedValueOnce(new Error('offline'));
    await act(async () => {
      render(
        <MemoryRouter future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <Count />
        </MemoryRouter>
      );
    });
    expect(screen.getByRole('status').textContent).toBe('3');
    await act(async () => inboxChanged());
    expect(screen.getByRole('status').textContent).toBe('2');
    await act(async () => inboxChanged());
    expect(screen.getByRole('status').textContent).toBe('unknown');
  });
});
