import { redactLinkSecrets } from '../../src/email/redact';

describe('the outbox’s kept copy of an e-mail that carried a secret', () => {
  it.each([
    ['https://portal.example/invite/Qm9vdGhzLWFuZC1zZWNyZXRz_x-1', 'https://portal.example/invite/removed-after-delivery'],
    ['https://portal.example/reset-password?code=' + 'ab'.repeat(64), 'https://portal.example/reset-password?code=removed-after-delivery'],
    ['<a href="https://portal.example/sign-in/link?token=AbCdEfGhIjKlMnOpQrSt">', '<a href="https://portal.example/sign-in/link?token=removed-after-delivery">'],
  ])('takes the secret out of %s', (body, kept) => {
    expect(redactLinkSecrets(body)).toBe(kept);
  });

  it('leaves other links and short values alone', () => {
    const body = 'Your invoice: https://portal.example/invoices/abc?page=2 and https://portal.example/contracts?token=short';
    expect(redactLinkSecrets(body)).toBe(body);
  });
});
