import { Box } from '@strapi/design-system';

interface MeterProps {
  /** 0–100; values beyond are drawn full. */
  value: number;
  label: string;
  tone?: 'primary' | 'danger' | 'success';
  width?: string;
}

const FILL = { primary: 'primary600', danger: 'danger600', success: 'success600' } as const;

/** A bar for light backgrounds; the design system's ProgressBar is drawn for dark ones. */
export const Meter = ({ value, label, tone = 'primary', width = '12rem' }: MeterProps) => {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <Box
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value)}
      width={width}
      height="0.8rem"
      background="neutral150"
      hasRadius
      overflow="hidden"
    >
      <Box height="100%" background={FILL[tone]} style={{ width: `${clamped}%` }} />
    </Box>
  );
};
