import type { ReactNode } from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';

interface SectionProps {
  title: string;
  /** Shown next to the title; omitted when undefined. */
  count?: number;
  /** Rendered instead of the content when the section has nothing to show. */
  empty?: string | null;
  action?: ReactNode;
  children?: ReactNode;
}

export const Section = ({ title, count, empty, action, children }: SectionProps) => (
  <Box tag="section" background="neutral0" hasRadius shadow="tableShadow" padding={6} aria-label={title}>
    <Flex justifyContent="space-between" alignItems="center" paddingBottom={4} gap={2}>
      <Flex gap={2} alignItems="center">
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {count !== undefined ? <Badge>{count}</Badge> : null}
      </Flex>
      {action}
    </Flex>
    {empty ? <EmptyNote>{empty}</EmptyNote> : children}
  </Box>
);

export const EmptyNote = ({ children }: { children: ReactNode }) => (
  <Box background="neutral100" hasRadius padding={4}>
    <Typography textColor="neutral600">{children}</Typography>
  </Box>
);
