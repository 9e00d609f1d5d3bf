import contentTypes from '../content-types';

interface AttributeOptions {
  private?: boolean;
  pluginOptions?: { clientia?: { staffOnly?: boolean } };
}

type ContentTypeName = keyof typeof contentTypes;
export type ClientiaUid = `plugin::clientia.${ContentTypeName}`;

/** Present on every row; none of them says anything a client may not know. */
const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt']);

const attributesOf = (uid: ClientiaUid): Record<string, AttributeOptions> => {
  const name = uid.slice('plugin::clientia.'.length) as ContentTypeName;
  const contentType = contentTypes[name] as { schema: { attributes: Record<string, AttributeOptions> } } | undefined;
  if (!contentType) throw new Error(`${uid} is not a Clientia content type`);
  return contentType.schema.attributes;
};

/**
 * The fields a client-facing serializer reads, checked against the schema once, when the module
 * loads: a field marked private or staff-only (`pluginOptions.clientia.staffOnly`) cannot end
 * up in what a client sees, however the serializer is edited later.
 */
export const assertClientSafe = <const F extends string>(uid: ClientiaUid, fields: readonly F[]): readonly F[] => {
  const attributes = attributesOf(uid);
  for (const field of fields) {
    if (SYSTEM_FIELDS.has(field)) continue;
    const attribute = attributes[field];
    if (!attribute) throw new Error(`${uid} has no field "${field}"`);
    if (attribute.private || attribute.pluginOptions?.clientia?.staffOnly) {
      throw new Error(`${uid}.${field} is for staff only and must never reach a client`);
    }
  }
  return fields;
};
