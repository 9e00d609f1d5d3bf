import { useId, useRef, useState, type DragEvent } from 'react';
import { Box, Button, Flex, Typography, VisuallyHidden } from '@strapi/design-system';
import { CloudUpload } from '@strapi/icons';

import { ACCEPTED_FILES } from '../utils/files';

interface FileDropZoneProps {
  /** The accessible name of the file input. */
  label: string;
  /** Shown in the zone, e.g. "Drag files here, or". */
  prompt: string;
  /** The button that opens the file picker: the keyboard's way in. */
  buttonLabel: string;
  /** Limits and accepted types, read out with the button. */
  hint: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}

/**
 * Files by drag and drop or through the browser's file picker. Dropping is a pointer's shortcut:
 * the button opens the same picker from the keyboard, and both hand over the files the same way.
 */
export const FileDropZone = ({ label, prompt, buttonLabel, hint, multiple = true, disabled = false, onFiles }: FileDropZoneProps) => {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [dragging, setDragging] = useState(false);

  const over = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <Box
      data-dragging={dragging || undefined}
      onDragOver={over}
      onDragEnter={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      background={dragging ? 'primary100' : 'neutral100'}
      borderColor={dragging ? 'primary600' : 'neutral300'}
      borderStyle="dashed"
      borderWidth="1px"
      hasRadius
      padding={5}
    >
      <Flex direction="column" alignItems="center" gap={2}>
        <CloudUpload aria-hidden width="2.4rem" height="2.4rem" fill="neutral500" />
        <Typography textColor="neutral700">{prompt}</Typography>
        <Button variant="secondary" disabled={disabled} aria-describedby={hintId} onClick={() => input.current?.click()}>
          {buttonLabel}
        </Button>
        <Typography id={hintId} variant="pi" textColor="neutral600" textAlign="center">
          {hint}
        </Typography>
      </Flex>
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          aria-label={label}
          tabIndex={-1}
          multiple={multiple}
          accept={ACCEPTED_FILES}
          disabled={disabled}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared, so picking the same file again after removing it is noticed.
            event.target.value = '';
            if (files.length) onFiles(files);
          }}
        />
      </VisuallyHidden>
    </Box>
  );
};
