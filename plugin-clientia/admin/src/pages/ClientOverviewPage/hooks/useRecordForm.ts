import { useCallback, useState } from 'react';
import type { z } from 'zod';

import { failureMessage } from '../../../api/failure';
import { useTranslate, type TranslationKey } from '../../../utils/useTranslate';
import { checkDraft, refusedField, type FieldProblem } from '../recordForms';

type Draft = Record<string, unknown>;

interface SubmitOptions<S extends z.ZodType> {
  schema: S;
  /** The draft as the request's fields (numbers parsed, empty dates as null…). */
  input: Record<string, unknown>;
  save: (request: z.output<S>) => Promise<void>;
  /** Said when the server refuses without naming a field it explains itself. */
  failed: TranslationKey;
}

/** What a wrong value of each field says; fields not listed say "Check this value." */
type InvalidMessages = Partial<Record<string, TranslationKey>>;

/**
 * One record form: the draft, each field's problem (from the shared schema before sending, or
 * from the server's refusal after), a message for a refusal that names no field, and saving.
 */
export const useRecordForm = <D extends Draft>(initial: D, invalid: InvalidMessages = {}) => {
  const { t } = useTranslate();
  const [draft, setDraft] = useState<D>(initial);
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [refused, setRefused] = useState<{ field: string; message: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = useCallback(<K extends keyof D & string>(field: K, value: D[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setProblems((previous) => {
      if (!(field in previous)) return previous;
      const next = { ...previous };
      delete next[field];
      return next;
    });
    setRefused((previous) => (previous?.field === field ? null : previous));
  }, []);

  const reset = useCallback((next: D) => {
    setDraft(next);
    setProblems({});
    setRefused(null);
    setFailure(null);
  }, []);

  /** Checks the draft, then saves it; true once saved. */
  const submit = async <S extends z.ZodType>({ schema, input, save, failed }: SubmitOptions<S>): Promise<boolean> => {
    const checked = checkDraft(schema, input);
    setRefused(null);
    setFailure(null);
    if (!checked.ok) {
      setProblems(checked.problems);
      return false;
    }
    setProblems({});
    setSaving(true);
    try {
      await save(checked.request);
      return true;
    } catch (error) {
      const named = refusedField(error, Object.keys(input));
      if (named) setRefused(named);
      else setFailure(failureMessage(error) ?? t(failed));
      return false;
    } finally {
      setSaving(false);
    }
  };

  /** What to show under a field, if anything. */
  const errorOf = (field: keyof D & string): string | undefined => {
    if (refused?.field === field) return refused.message;
    const problem = problems[field];
    if (!problem) return undefined;
    if (problem === 'required') return t('clientEditor.error.required');
    if (problem === 'tooLong') return t('clientEditor.error.tooLong');
    return t(invalid[field] ?? 'clientEditor.error.invalid');
  };

  return { draft, edit, reset, submit, errorOf, failure, clearFailure: () => setFailure(null), saving };
};
