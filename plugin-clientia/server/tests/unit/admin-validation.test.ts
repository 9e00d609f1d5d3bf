import { errors } from '@strapi/utils';

import { assertBodyKeys, readBrandingChanges, readPagination } from '../helpers/request-parsers';

const pathOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return ((error as { details: { errors: { path: string[] }[] } }).details.errors[0]?.path ?? []).join('.');
  }
  throw new Error('expected a ValidationError');
};

describe('admin input validation', () => {
  it('reads page and pageSize with defaults and a hard maximum of 100', () => {
    expect(readPagination({})).toEqual({ page: 1, pageSize: 25 });
    expect(readPagination({ page: '3', pageSize: '100' })).toEqual({ page: 3, pageSize: 100 });
    expect(pathOf(() => readPagination({ pageSize: '101' }))).toBe('pageSize');
    expect(pathOf(() => readPagination({ page: '1.5' }))).toBe('page');
    expect(pathOf(() => readPagination({ page: ['1', '2'] }))).toBe('page');
  });

  it('refuses unknown body keys by name, and bodies that are not objects', () => {
    expect(assertBodyKeys({ body: 'x' }, ['body'])).toEqual({ body: 'x' });
    expect(pathOf(() => assertBodyKeys({ body: 'x', thread: 1 }, ['body']))).toBe('thread');
    expect(() => assertBodyKeys('text', ['body'])).toThrow(errors.ValidationError);
    expect(() => assertBodyKeys(null, ['body'])).toThrow(errors.ValidationError);
  });

  it('normalises branding changes and keeps only the fields sent', () => {
    expect(
      readBrandingChanges({
        primaryColor: '#ABCDEF',
        portalUrl: 'https://portal.firm.example/',
        supportEmail: ' Help@Firm.example ',
        footerText: '',
        defaultLocale: 'en-gb',
        logo: null,
      })
    ).toEqual({
      primaryColor: '#abcdef',
      portalUrl: 'https://portal.firm.example',
      supportEmail: 'help@firm.example',
      footerText: null,
      defaultLocale: 'en-GB',
      logo: null,
    });
    expect(pathOf(() => readBrandingChanges({ portalUrl: 'https://user:pw@portal.firm.example' }))).toBe('portalUrl');
    expect(pathOf(() => readBrandingChanges({ logo: 1.5 }))).toBe('logo');
    expect(pathOf(() => readBrandingChanges({ defaultLocale: 'en_US' }))).toBe('defaultLocale');
  });
});
