import type { ReactNode } from 'react';
import { Alert, Field, SingleSelect, SingleSelectOption, Textarea, TextInput } from '@strapi/design-system';

import { useTranslate } from '../../../../utils/useTranslate';

interface BaseFieldProps {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

interface TextFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** `date` takes and gives YYYY-MM-DD; the browser shows it in the staff member's own format. */
  type?: 'text' | 'email' | 'date' | 'number';
  autoComplete?: string;
}

/** A labelled text input with its hint and error, the way every record form shows one. */
export const TextField = ({ name, label, error, hint, required, value, onChange, type = 'text', autoComplete = 'off' }: TextFieldProps) => (
  <Field.Root name={name} required={required} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <TextInput type={type} value={value} onChange={(event) => onChange(event.target.value)} autoComplete={autoComplete} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const TextAreaField = ({ name, label, error, hint, required, value, onChange }: Omit<TextFieldProps, 'type' | 'autoComplete'>) => (
  <Field.Root name={name} required={required} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <Textarea value={value} onChange={(event) => onChange(event.target.value)} />
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

interface SelectFieldProps extends BaseFieldProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}

/** A choice among words: the stored value never shows, only its label. */
export const SelectField = ({ name, label, error, hint, required, value, onChange, options, placeholder }: SelectFieldProps) => (
  <Field.Root name={name} required={required} error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect value={value || null} placeholder={placeholder} onChange={(next) => onChange(String(next))}>
      {options.map((option) => (
        <SingleSelectOption key={option.value} value={option.value}>
          {option.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

/** Why the last save failed, when the server's answer names no field of the form. */
export const FormFailure = ({ message, onClose }: { message: string | null; onClose: () => void }) => {
  const { t } = useTranslate();
  if (!message) return null;
  return (
    <Alert variant="danger" closeLabel={t('common.close')} onClose={onClose} title={t('clientEditor.failedTitle')}>
      {message}
    </Alert>
  );
};
