import { servedPath } from '../../src/middlewares/private-files';

describe('the path the static server serves', () => {
  it.each([
    ['/uploads/contract.pdf', '/uploads/contract.pdf'],
    ['/uploads//contract.pdf', '/uploads/contract.pdf'],
    ['//uploads/contract.pdf', '/uploads/contract.pdf'],
    ['/uploads/./contract.pdf', '/uploads/contract.pdf'],
    ['/uploads/%2e/contract.pdf', '/uploads/contract.pdf'],
    ['/uploads/x/../contract.pdf', '/uploads/contract.pdf'],
    ['/uploads%2Fcontract.pdf', '/uploads/contract.pdf'],
    ['/%75ploads/contract.pdf', '/uploads/contract.pdf'],
    ['/uploads/a%20b.pdf', '/uploads/a b.pdf'],
    // Decoded once, as the static server does: a double-encoded name is another file.
    ['/%2575ploads/contract.pdf', '/%75ploads/contract.pdf'],
    ['/uploads/../admin', '/admin'],
  ])('reads %s as %s', (raw, served) => {
    expect(servedPath(raw)).toBe(served);
  });

  it('gives nothing for a path that does not decode, which the static server refuses too', () => {
    expect(servedPath('/uploads/%E0%A4%A.pdf')).toBeNull();
  });
});
