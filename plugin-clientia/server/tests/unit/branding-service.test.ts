import type { Core } from '@strapi/strapi';

import { NEUTRAL_BRANDING } from '../../../shared/contracts/branding';
import brandingService from '../../src/services/branding';

const fakeStrapi = (record: Record<string, unknown> | null) => {
  const calls: unknown[] = [];
  const strapi = {
    documents: (uid: string) => ({
      findFirst: async (params: unknown) => {
        calls.push({ uid, params });
        return record;
      },
    }),
  } as unknown as Core.Strapi;
  return { strapi, calls };
};

describe('branding service', () => {
  it('falls back to neutral branding that never names the product', async () => {
    const { strapi } = fakeStrapi(null);
    const branding = await brandingService({ strapi }).getPublic();
    expect(branding).toEqual(NEUTRAL_BRANDING);
    expect(JSON.stringify(branding)).not.toMatch(/clientia/i);
  });

  it('returns only the public allowlist, with media reduced to URLs', async () => {
    const { strapi, calls } = fakeStrapi({
      id: 7,
      documentId: 'abc',
      firmName: 'Quill & Co',
      primaryColor: '#000000',
      accentColor: '',
      logo: { url: '/uploads/logo.png', hash: 'secret-hash', provider: 'local' },
      favicon: null,
      emailSenderAddress: 'billing@quill.example',
      emailSenderName: 'Quill billing',
      createdBy: { email: 'staff@quill.example' },
      supportEmail: 'help@quill.example',
    });
    const branding = await brandingService({ strapi }).getPublic();
    expect(branding).toEqual({
      ...NEUTRAL_BRANDING,
      firmName: 'Quill & Co',
      primaryColor: '#000000',
      logoUrl: '/uploads/logo.png',
      supportEmail: 'help@quill.example',
    });
    expect(calls).toEqual([
      { uid: 'plugin::clientia.branding', params: { populate: ['logo', 'favicon'] } },
    ]);
  });
});
