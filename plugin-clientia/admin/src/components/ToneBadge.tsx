import type { ReactNode } from 'react';
import { Badge } from '@strapi/design-system';

export type Tone = 'success' | 'primary' | 'danger' | 'warning' | 'neutral' | 'secondary' | 'alternative';

/**
 * The design system writes these tones' text at 3.6–4.4:1 on their own background, below WCAG AA
 * for text this small; these pairs keep the hue and read at 5:1 or better.
 */
const READABLE = {
  danger: { backgroundColor: 'danger100', textColor: 'danger700' },
  warning: { backgroundColor: 'warning200', textColor: 'neutral800' },
  alternative: { backgroundColor: 'alternative100', textColor: 'alternative700' },
} as const satisfies Partial<Record<Tone, { backgroundColor: string; textColor: string }>>;

const isReadable = (tone: Tone): tone is keyof typeof READABLE => tone in READABLE;

/** A badge in a tone that says how something is doing, readable at WCAG AA in every tone. */
export const ToneBadge = ({ tone, children }: { tone: Tone; children: ReactNode }) =>
  isReadable(tone) ? <Badge {...READABLE[tone]}>{children}</Badge> : <Badge variant={tone}>{children}</Badge>;
