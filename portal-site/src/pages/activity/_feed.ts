/**
 * How one entry of the activity feed reads. The API gives its verb and subject type as codes
 * (the server's write hooks use created/updated/deleted and the record type; invitations add
 * "accepted") and its subject as an English label; codes the portal knows are translated, any
 * other is shown as it came.
 */
import type { PortalActivity } from '@clientia/shared/contracts/portal-activity';
import type { MessageKey, Translator } from '../../lib/i18n';
import activityTexts from '../../lib/i18n/en/activity';

const known = (key: string): key is MessageKey => Object.hasOwn(activityTexts, key);

/** "Invoice created", "Message sent": the event's own wording if it has one, else type and verb. */
export const whatHappened = (entry: PortalActivity, t: Translator): string => {
  const event = `activity.event.${entry.subjectType}.${entry.verb}`;
  if (known(event)) return t(event);
  const type = `activity.type.${entry.subjectType}`;
  const verb = `activity.verb.${entry.verb}`;
  return t('activity.what', { type: known(type) ? t(type) : entry.subjectType, verb: known(verb) ? t(verb) : entry.verb });
};

/**
 * The server's labels start with the record type in English ("Invoice INV-2026-0003", "Thread
 * “Kick-off”"), which the translated type already says; only the record's own name is kept.
 * A label of another shape is shown whole.
 */
const LABEL_SHAPES: Record<string, RegExp> = {
  client: /^Client (.+)$/s,
  membership: /^Membership of (.+)$/s,
  contract: /^Contract (.+)$/s,
  retainer: /^Retainer (.+)$/s,
  invoice: /^Invoice (.+)$/s,
  payment: /^Payment \((.+)\)$/s,
  licence: /^Licence (.+)$/s,
  seat: /^Seat of (.+)$/s,
  document: /^Document (.+)$/s,
  project: /^Project (.+)$/s,
  milestone: /^Milestone (.+)$/s,
  thread: /^Thread “(.+)”$/s,
};

/** Labels that name no record at all: nothing is shown rather than English filler. */
const NAMELESS: Record<string, RegExp> = {
  message: /^Message in a thread$/,
  payment: /^Payment$/,
  seat: /^Seat \(vacant\)$/,
  branding: /^Branding$/,
};

export const subjectName = (entry: PortalActivity): string => {
  const label = entry.subjectLabel.trim();
  if (NAMELESS[entry.subjectType]?.test(label)) return '';
  return LABEL_SHAPES[entry.subjectType]?.exec(label)?.[1]?.trim() || label;
};
