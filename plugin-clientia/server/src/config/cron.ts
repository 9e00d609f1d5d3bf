/**
 * Checks a cron rule before Strapi's cron service sees it. That service (croner, since Strapi
 * 5.x) logs a rule it cannot parse and carries on without the job, so a mistyped schedule would
 * otherwise leave retainers unbilled without stopping the start. Croner is not a dependency of
 * this plugin, so the syntax is checked here: a subset of what croner accepts (5 or 6 fields,
 * numbers, three-letter month and weekday names, `*`, lists, ranges and steps, the @nicknames),
 * which the unit tests hold against croner itself.
 */

interface CronField {
  label: string;
  min: number;
  max: number;
  /** The largest step croner takes in this field (the number of values it has). */
  maxStep: number;
  /** Names for the values, from `min` upwards. */
  names?: readonly string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const SECOND: CronField = { label: 'second', min: 0, max: 59, maxStep: 60 };
const MINUTE: CronField = { label: 'minute', min: 0, max: 59, maxStep: 60 };
const HOUR: CronField = { label: 'hour', min: 0, max: 23, maxStep: 24 };
const DAY: CronField = { label: 'day-of-month', min: 1, max: 31, maxStep: 31 };
const MONTH: CronField = { label: 'month', min: 1, max: 12, maxStep: 12, names: MONTHS };
// 0 and 7 are both Sunday.
const WEEKDAY: CronField = { label: 'day-of-week', min: 0, max: 7, maxStep: 7, names: WEEKDAYS };

const NICKNAMES = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

// Longest month lengths, February in a leap year.
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ITEM = /^(?:(\*)|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:\/([0-9]+))?$/i;

export const CRON_SHAPE =
  'must be a cron rule of 5 fields (minute hour day-of-month month day-of-week) or 6 (second first), such as "5 * * * *"';

class CronProblem extends Error {}

const valueOf = (field: CronField, token: string, upperBound: boolean): number => {
  if (/^[0-9]+$/.test(token)) {
    const value = Number(token);
    if (value < field.min || value > field.max) {
      throw new CronProblem(`${token} is outside the ${field.label} field's ${field.min}-${field.max}`);
    }
    return value;
  }
  const index = field.names?.indexOf(token.toLowerCase() as never) ?? -1;
  if (index < 0) {
    throw new CronProblem(
      field.names
        ? `"${token}" is neither a number nor a ${field.label} name (${field.names.join(', ')})`
        : `"${token}" is not a number`
    );
  }
  // Croner reads "sun" at the end of a range as 7, so "sat-sun" is Saturday and Sunday.
  if (field === WEEKDAY && index === 0 && upperBound) return 7;
  return field.min + index;
};

/** The values one comma-separated item of a field selects. */
const itemValues = (field: CronField, item: string): number[] => {
  const match = ITEM.exec(item);
  if (!match) throw new CronProblem(`"${item}" in the ${field.label} field is not a value, a range, * or a step of one`);
  const [, star, from, to, stepText] = match;
  const step = stepText === undefined ? 1 : Number(stepText);
  if (step < 1 || step > field.maxStep) {
    throw new CronProblem(`the step in "${item}" (${field.label}) must be from 1 to ${field.maxStep}`);
  }
  let low: number;
  let high: number;
  if (star) {
    [low, high] = [field.min, field.max];
  } else if (to !== undefined) {
    low = valueOf(field, from!, false);
    high = valueOf(field, to, true);
    if (low > high) throw new CronProblem(`the range "${item}" (${field.label}) runs backwards`);
  } else {
    low = valueOf(field, from!, false);
    // A value with a step ("5/15") runs to the end of the field. Croner has no end for a day of
    // the week started at 7, so that form is refused.
    if (stepText !== undefined && field === WEEKDAY && low === 7) {
      throw new CronProblem(`"${item}" (${field.label}) must start from 0-6`);
    }
    high = stepText === undefined ? low : field.max;
  }
  const values: number[] = [];
  for (let value = low; value <= high; value += step) values.push(value);
  return values;
};

const fieldValues = (field: CronField, text: string): Set<number> => {
  const items = text.split(',');
  if (items.some((item) => item === '')) throw new CronProblem(`the ${field.label} field "${text}" has an empty list entry`);
  return new Set(items.flatMap((item) => itemValues(field, item)));
};

/**
 * Why `rule` is not a cron rule Strapi's cron runs, or null when it is. A rule that names only
 * days no month has (the 31st of February) is refused too: croner takes it and never runs it.
 */
export const cronRuleProblem = (rule: string): string | null => {
  const trimmed = rule.trim();
  if (trimmed.startsWith('@')) {
    return NICKNAMES.includes(trimmed.toLowerCase()) ? null : `"${trimmed}" is not one of ${NICKNAMES.join(', ')}`;
  }
  const parts = trimmed === '' ? [] : trimmed.split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) return `it has ${parts.length} fields`;
  const fields = parts.length === 6 ? [SECOND, MINUTE, HOUR, DAY, MONTH, WEEKDAY] : [MINUTE, HOUR, DAY, MONTH, WEEKDAY];
  try {
    const values = fields.map((field, index) => fieldValues(field, parts[index]!));
    const offset = parts.length - 5;
    const [dayText, weekdayText] = [parts[offset + 2], parts[offset + 4]];
    // With both day fields restricted a day matches either, so only a day-of-month with any
    // weekday can name a date that never comes.
    if (dayText !== '*' && weekdayText === '*') {
      const days = [...values[offset + 2]!];
      const months = [...values[offset + 3]!];
      if (!days.some((day) => months.some((month) => day <= MONTH_DAYS[month - 1]!))) {
        return 'it never runs: none of its months has any of its days';
      }
    }
  } catch (error) {
    if (error instanceof CronProblem) return error.message;
    throw error;
  }
  return null;
};
