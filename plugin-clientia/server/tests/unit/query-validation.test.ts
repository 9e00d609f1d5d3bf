import { errors } from '@strapi/utils';

import { assertQueryKeys } from '../helpers/request-parsers';

describe('assertQueryKeys', () => {
  it('lets accepted keys through', () => {
    expect(() => assertQueryKeys({ page: '2', status: 'paid' }, ['page', 'pageSize', 'status'])).not.toThrow();
    expect(() => assertQueryKeys({}, [])).not.toThrow();
  });

  it('refuses every other key with a 400-class error that names each one', () => {
    let caught: unknown;
    try {
      assertQueryKeys({ page: '1', filters: { client: 1 }, populate: '*' }, ['page']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(errors.ValidationError);
    const error = caught as InstanceType<typeof errors.ValidationError>;
    expect(error.message).toBe('Unknown query parameters: filters, populate');
    expect((error.details as { errors: { path: string[] }[] }).errors.map((e) => e.path)).toEqual([
      ['filters'],
      ['populate'],
    ]);
  });
});
