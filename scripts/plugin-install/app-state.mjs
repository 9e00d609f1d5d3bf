/**
 * What the firm's app holds that the plugin must leave alone — its roles with their permissions,
 * its content types, its note and its own users-permissions email settings — read over HTTP as an
 * admin, and compared between boots.
 */

/**
 * @typedef {{ status: number, json: any, text: string }} Reply
 * @typedef {(method: string, path: string, options?: { token?: string, body?: unknown, form?: FormData }) => Promise<Reply>} Api
 */

/** JSON in (`body`) or a multipart form (`form`), and the answer read as JSON when it is. @param {string} baseUrl @returns {Api} */
export const apiAt = (baseUrl) => async (method, path, { token, body, form } = {}) => {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
};

/** A short description of an unexpected answer. @param {Reply} reply */
export const describe = (reply) => `HTTP ${reply.status} ${reply.text.slice(0, 300)}`;

/**
 * The enabled actions of a users-permissions role, from the admin API's permission tree
 * (`{ [type]: { controllers: { [controller]: { [action]: { enabled } } } } }`).
 * @param {Record<string, { controllers: Record<string, Record<string, { enabled: boolean }>> }>} tree
 */
export const enabledActions = (tree) =>
  Object.entries(tree)
    .flatMap(([type, { controllers }]) =>
      Object.entries(controllers).flatMap(([controller, actions]) =>
        Object.entries(actions)
          .filter(([, setting]) => setting.enabled)
          .map(([action]) => `${type}.${controller}.${action}`)
      )
    )
    .sort();

/**
 * @typedef {{ name?: string, email?: string }} Sender
 * @typedef {object} AccountEmailSettings users-permissions' settings for its "forgot password" email
 * @property {string | null} resetPasswordUrl Advanced settings → Reset password page
 * @property {Sender | null} resetPasswordSender the Reset password template's shipper
 */

/**
 * @typedef {object} AppState
 * @property {{ name: string, type: string, description: string, actions: string[] }[]} roles
 * @property {Record<string, unknown>} contentTypes attributes by uid
 * @property {{ documentId: string, title: string, body: string, updatedAt: string }[]} notes
 * @property {AccountEmailSettings} accountEmails
 */

/**
 * @param {Api} api
 * @param {string} token an admin's
 * @returns {Promise<AppState>}
 */
export const readAppState = async (api, token) => {
  const roleList = await api('GET', '/users-permissions/roles', { token });
  if (roleList.status !== 200) throw new Error(`GET /users-permissions/roles: ${describe(roleList)}`);
  const roles = [];
  for (const role of /** @type {{ id: number, name: string, type: string, description: string }[]} */ (roleList.json.roles)) {
    const detail = await api('GET', `/users-permissions/roles/${role.id}`, { token });
    if (detail.status !== 200) throw new Error(`GET /users-permissions/roles/${role.id}: ${describe(detail)}`);
    roles.push({ name: role.name, type: role.type, description: role.description, actions: enabledActions(detail.json.role.permissions) });
  }
  const types = await api('GET', '/content-manager/content-types', { token });
  if (types.status !== 200) throw new Error(`GET /content-manager/content-types: ${describe(types)}`);
  /** @type {Record<string, unknown>} */
  const contentTypes = {};
  for (const type of /** @type {{ uid: string, attributes: unknown }[]} */ (types.json.data)) contentTypes[type.uid] = type.attributes;
  const accountEmails = await readAccountEmailSettings(api, token);
  const notes = await api('GET', '/api/notes');
  if (notes.status !== 200) throw new Error(`GET /api/notes: ${describe(notes)}`);
  return {
    roles: roles.sort((a, b) => a.type.localeCompare(b.type)),
    contentTypes,
    notes: /** @type {AppState['notes']} */ (notes.json.data).map(({ documentId, title, body, updatedAt }) => ({ documentId, title, body, updatedAt })),
    accountEmails,
  };
};

/**
 * users-permissions' reset page and reset email sender, from its admin API (`GET /advanced`
 * answers `{ settings, roles }`, `GET /email-templates` the stored templates).
 * @param {Api} api @param {string} token an admin's
 * @returns {Promise<AccountEmailSettings>}
 */
export const readAccountEmailSettings = async (api, token) => {
  const advanced = await api('GET', '/users-permissions/advanced', { token });
  if (advanced.status !== 200) throw new Error(`GET /users-permissions/advanced: ${describe(advanced)}`);
  const templates = await api('GET', '/users-permissions/email-templates', { token });
  if (templates.status !== 200) throw new Error(`GET /users-permissions/email-templates: ${describe(templates)}`);
  return {
    resetPasswordUrl: advanced.json.settings?.email_reset_password ?? null,
    resetPasswordSender: templates.json.reset_password?.options?.from ?? null,
  };
};

/**
 * Sets the app's own reset page and reset email sender the way the admin panel's Users &
 * Permissions settings do: the whole object back, with the one change (`PUT /advanced` takes the
 * settings themselves, `PUT /email-templates` takes `{ 'email-templates': templates }`).
 * @param {Api} api @param {string} token an admin's @param {{ resetPasswordUrl: string, resetPasswordSender: Required<Sender> }} own
 */
export const setAccountEmailSettings = async (api, token, own) => {
  const advanced = await api('GET', '/users-permissions/advanced', { token });
  if (advanced.status !== 200) throw new Error(`GET /users-permissions/advanced: ${describe(advanced)}`);
  const savedAdvanced = await api('PUT', '/users-permissions/advanced', { token, body: { ...advanced.json.settings, email_reset_password: own.resetPasswordUrl } });
  if (savedAdvanced.status !== 200) throw new Error(`PUT /users-permissions/advanced: ${describe(savedAdvanced)}`);
  const templates = await api('GET', '/users-permissions/email-templates', { token });
  if (templates.status !== 200) throw new Error(`GET /users-permissions/email-templates: ${describe(templates)}`);
  const reset = templates.json.reset_password;
  const body = { 'email-templates': { ...templates.json, reset_password: { ...reset, options: { ...reset.options, from: own.resetPasswordSender } } } };
  const savedTemplates = await api('PUT', '/users-permissions/email-templates', { token, body });
  if (savedTemplates.status !== 200) throw new Error(`PUT /users-permissions/email-templates: ${describe(savedTemplates)}`);
};

/**
 * What changed in the app's own users-permissions email settings between two reads.
 * @param {AccountEmailSettings} before
 * @param {AccountEmailSettings} after
 * @returns {string[]}
 */
export const accountEmailChanges = (before, after) => {
  const problems = [];
  if (before.resetPasswordUrl !== after.resetPasswordUrl) problems.push(`the reset password page is now ${JSON.stringify(after.resetPasswordUrl)}, was ${JSON.stringify(before.resetPasswordUrl)}`);
  const sender = (/** @type {Sender | null} */ from) => (from ? `${from.name ?? ''} <${from.email ?? ''}>` : 'none');
  if (sender(before.resetPasswordSender) !== sender(after.resetPasswordSender)) {
    problems.push(`the reset email's sender is now ${sender(after.resetPasswordSender)}, was ${sender(before.resetPasswordSender)}`);
  }
  return problems;
};

/**
 * What changed in the app's own roles between two reads: each role of `before` must still be
 * there with the same name and exactly the same enabled actions. Roles added since are fine (the
 * plugin brings its contact role).
 * @param {AppState['roles']} before
 * @param {AppState['roles']} after
 * @returns {string[]}
 */
export const roleChanges = (before, after) =>
  before.flatMap((role) => {
    const now = after.find((candidate) => candidate.type === role.type);
    if (!now) return [`role "${role.name}" is gone`];
    const problems = [];
    if (now.name !== role.name) problems.push(`role "${role.name}" is now called "${now.name}"`);
    const lost = role.actions.filter((action) => !now.actions.includes(action));
    const gained = now.actions.filter((action) => !role.actions.includes(action));
    if (lost.length) problems.push(`role "${role.name}" lost ${lost.join(', ')}`);
    if (gained.length) problems.push(`role "${role.name}" gained ${gained.join(', ')}`);
    return problems;
  });

/**
 * Content types of `before` that are gone or whose attributes differ in `after`.
 * @param {AppState['contentTypes']} before
 * @param {AppState['contentTypes']} after
 * @returns {string[]}
 */
export const contentTypeChanges = (before, after) =>
  Object.keys(before).flatMap((uid) => {
    if (!(uid in after)) return [`${uid} is gone`];
    return JSON.stringify(before[uid]) === JSON.stringify(after[uid]) ? [] : [`${uid} has other attributes`];
  });
