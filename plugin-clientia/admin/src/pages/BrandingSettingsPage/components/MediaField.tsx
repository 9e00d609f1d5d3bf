import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Image, Trash } from '@strapi/icons';

import { mediaUrl } from '../../../utils/mediaUrl';
import type { MediaChoice } from '../brandingForm';

interface MediaFieldProps {
  name: string;
  label: string;
  hint: string;
  value: MediaChoice | null;
  disabled: boolean;
  /** Undefined when the media library is not installed: nothing can be picked then. */
  onChoose?: () => void;
  onRemove: () => void;
  texts: { choose: string; replace: string; remove: string; none: string; unavailable: string };
}

export const MediaField = ({ name, label, hint, value, disabled, onChoose, onRemove, texts }: MediaFieldProps) => {
  const src = mediaUrl(value?.url);
  return (
    <Field.Root name={name} hint={onChoose ? hint : texts.unavailable}>
      <Field.Label>{label}</Field.Label>
      <Flex gap={4} alignItems="center">
        <Flex
          width="8rem"
          height="8rem"
          hasRadius
          borderColor="neutral200"
          background="neutral100"
          justifyContent="center"
          alignItems="center"
          overflow="hidden"
        >
          {src ? (
            <img src={src} alt={label} style={{ maxWidth: '100%', maxHeight: '100%', objectFit: 'contain' }} />
          ) : (
            <Typography variant="pi" textColor="neutral500">
              {texts.none}
            </Typography>
          )}
        </Flex>
        <Flex direction="column" alignItems="flex-start" gap={2}>
          <Button variant="secondary" startIcon={<Image />} disabled={disabled || !onChoose} onClick={onChoose}>
            {value ? texts.replace : texts.choose}
          </Button>
          {value ? (
            <Button variant="danger-light" startIcon={<Trash />} disabled={disabled} onClick={onRemove}>
              {texts.remove}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Box paddingTop={1}>
        <Field.Hint />
      </Box>
    </Field.Root>
  );
};
