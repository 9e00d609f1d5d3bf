import contentTypes from '../../src/content-types';
import { assertClientSafe, type ClientiaUid } from '../../src/serializers/client-safe';
import { PREVIEW_SERIALIZERS } from '../../src/serializers/preview';

type Attributes = Record<string, { private?: boolean; pluginOptions?: { clientia?: { staffOnly?: boolean } } }>;

const staffOnlyFields = () =>
  Object.entries(contentTypes).flatMap(([name, { schema }]) =>
    Object.entries(schema.attributes as Attributes)
      .filter(([, attribute]) => attribute.private || attribute.pluginOptions?.clientia?.staffOnly)
      .map(([field]) => [`plugin::clientia.${name}` as ClientiaUid, field] as const)
  );

describe('assertClientSafe', () => {
  it.each(PREVIEW_SERIALIZERS.map((s) => [s.uid, s]))('passes the fields the %s preview serializer reads', (_uid, serializer) => {
    expect(() => assertClientSafe(serializer.uid, serializer.fields)).not.toThrow();
  });

  it.each([
    ['plugin::clientia.client', 'internalNotes'],
    ['plugin::clientia.invoice', 'internalNotes'],
    ['plugin::clientia.contract', 'internalNotes'],
    ['plugin::clientia.activity', 'changes'],
    ['plugin::clientia.membership', 'inviteTokenHash'],
  ] as const)('throws for %s.%s', (uid, field) => {
    expect(() => assertClientSafe(uid, ['id', field])).toThrow(new RegExp(`${field} is for staff only`));
  });

  it('throws for every staff-only or private attribute in any Clientia schema', () => {
    const fields = staffOnlyFields();
    expect(fields.length).toBeGreaterThan(5);
    for (const [uid, field] of fields) expect(() => assertClientSafe(uid, [field])).toThrow();
  });

  it('throws for a field the schema does not have, so a typo cannot hide a leak', () => {
    expect(() => assertClientSafe('plugin::clientia.invoice', ['totl'])).toThrow(/has no field "totl"/);
  });

  it('keeps every preview serializer off staff-only fields', () => {
    const secret = 'SECRET-STAFF-TEXT';
    const row: Record<string, unknown> = { id: 1, documentId: 'doc', milestones: [] };
    for (const [, field] of staffOnlyFields()) row[field] = secret;
    for (const serializer of PREVIEW_SERIALIZERS) {
      expect(JSON.stringify(serializer.serialize(row as never))).not.toContain(secret);
    }
  });
});
