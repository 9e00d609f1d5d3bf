import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Information, WarningCircle } from '@strapi/icons';

interface NoticeProps {
  variant: 'info' | 'warning';
  title: string;
  children: ReactNode;
  /** Shown under the text, outside its paragraph (a swatch, a button). */
  extra?: ReactNode;
}

const LOOK = {
  info: { background: 'primary100', border: 'primary200', icon: 'primary600', Icon: Information },
  warning: { background: 'warning100', border: 'warning200', icon: 'warning600', Icon: WarningCircle },
} as const;

/**
 * A message that stays while its cause does. The design system's Alert always offers a close
 * button, which would promise to dismiss something that cannot be dismissed.
 */
export const Notice = ({ variant, title, children, extra }: NoticeProps) => {
  const look = LOOK[variant];
  return (
    <Flex
      role="status"
      alignItems="flex-start"
      gap={3}
      padding={5}
      hasRadius
      background={look.background}
      borderColor={look.border}
    >
      <Box color={look.icon} paddingTop={1} shrink={0}>
        <look.Icon aria-hidden />
      </Box>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography fontWeight="bold" tag="p">
          {title}
        </Typography>
        <Typography tag="p">{children}</Typography>
        {extra}
      </Flex>
    </Flex>
  );
};
