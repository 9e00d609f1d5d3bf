import { Box, Field, Flex } from '@strapi/design-system';

import { isHexColour } from '../brandingForm';

interface ColorFieldProps {
  name: string;
  label: string;
  hint: string;
  value: string;
  error?: string;
  disabled: boolean;
  swatchLabel: string;
  onChange: (value: string) => void;
}

/** Typed as #rrggbb, or picked from the swatch; the swatch follows the text once it is valid. */
export const ColorField = ({ name, label, hint, value, error, disabled, swatchLabel, onChange }: ColorFieldProps) => (
  <Field.Root name={name} required error={error} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <Flex gap={2}>
      <input
        type="color"
        aria-label={swatchLabel}
        value={isHexColour(value) ? value.toLowerCase() : '#000000'}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        style={{ width: 40, height: 40, padding: 0, border: 'none', background: 'none', cursor: disabled ? 'not-allowed' : 'pointer' }}
      />
      <Box flex="1">
        <Field.Input
          value={value}
          disabled={disabled}
          maxLength={7}
          placeholder="#1f3a5f"
          spellCheck={false}
          onChange={(event) => onChange(event.target.value)}
        />
      </Box>
    </Flex>
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);
