import type { ChangeEvent, ReactNode } from 'react';
import { Box, Field, Flex, Grid, Textarea, TextInput, Typography } from '@strapi/design-system';

import { useTranslate, type TranslationKey } from '../../../utils/useTranslate';
import type { BrandingDraft, BrandingErrors, BrandingProblem, BrandingTextField } from '../brandingForm';
import { BrandingPreview } from './BrandingPreview';
import { ColorField } from './ColorField';
import { ContrastReport } from './ContrastReport';
import { MediaField } from './MediaField';

export type MediaSlot = 'logo' | 'favicon';

interface BrandingFormProps {
  draft: BrandingDraft;
  errors: BrandingErrors;
  /** Without the settings permission the brand can be read, not changed. */
  readOnly: boolean;
  onChange: (changes: Partial<BrandingDraft>) => void;
  /** Undefined when no media library is available. */
  onChooseMedia?: (slot: MediaSlot) => void;
}

const PROBLEMS: Record<BrandingProblem, TranslationKey> = {
  required: 'branding.error.required',
  tooLong: 'branding.error.tooLong',
  colour: 'branding.error.colour',
  email: 'branding.error.email',
  url: 'branding.error.url',
  locale: 'branding.error.locale',
};

const Group = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box tag="fieldset" background="neutral0" hasRadius shadow="tableShadow" padding={6} borderStyle="none" margin={0}>
    <Box paddingBottom={4}>
      <Typography variant="delta" tag="legend">
        {title}
      </Typography>
    </Box>
    <Flex direction="column" alignItems="stretch" gap={4}>
      {children}
    </Flex>
  </Box>
);

export const BrandingForm = ({ draft, errors, readOnly, onChange, onChooseMedia }: BrandingFormProps) => {
  const { t } = useTranslate();
  const problem = (field: BrandingTextField) => (errors[field] ? t(PROBLEMS[errors[field]]) : undefined);

  const text = (field: BrandingTextField, labelKey: TranslationKey, hintKey: TranslationKey | null, options: { required?: boolean; type?: string } = {}) => (
    <Field.Root name={field} required={options.required} error={problem(field)} hint={hintKey ? t(hintKey) : undefined}>
      <Field.Label>{t(labelKey)}</Field.Label>
      <TextInput type={options.type ?? 'text'} value={draft[field]} disabled={readOnly} onChange={(event) => onChange({ [field]: event.target.value })} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  const longText = (field: BrandingTextField, labelKey: TranslationKey, hintKey: TranslationKey) => (
    <Field.Root name={field} error={problem(field)} hint={t(hintKey)}>
      <Field.Label>{t(labelKey)}</Field.Label>
      <Textarea
        value={draft[field]}
        disabled={readOnly}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange({ [field]: event.target.value })}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  const mediaTexts = {
    choose: t('branding.media.choose'),
    replace: t('branding.media.replace'),
    remove: t('branding.media.remove'),
    none: t('branding.media.none'),
    unavailable: t('branding.media.unavailable'),
  };

  return (
    <Grid.Root gap={6}>
      <Grid.Item col={7} s={12} direction="column" alignItems="stretch" gap={6}>
        <Group title={t('branding.group.identity')}>
          {text('firmName', 'branding.firmName', 'branding.firmName.hint', { required: true })}
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12}>
              <MediaField
                name="logo"
                label={t('branding.logo')}
                hint={t('branding.logo.hint')}
                value={draft.logo}
                disabled={readOnly}
                onChoose={onChooseMedia ? () => onChooseMedia('logo') : undefined}
                onRemove={() => onChange({ logo: null })}
                texts={mediaTexts}
              />
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <MediaField
                name="favicon"
                label={t('branding.favicon')}
                hint={t('branding.favicon.hint')}
                value={draft.favicon}
                disabled={readOnly}
                onChoose={onChooseMedia ? () => onChooseMedia('favicon') : undefined}
                onRemove={() => onChange({ favicon: null })}
                texts={mediaTexts}
              />
            </Grid.Item>
          </Grid.Root>
        </Group>
        <Group title={t('branding.group.colours')}>
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12}>
              <ColorField
                name="primaryColor"
                label={t('branding.primaryColor')}
                hint={t('branding.primaryColor.hint')}
                swatchLabel={t('branding.swatch', { colour: t('branding.primaryColor') })}
                value={draft.primaryColor}
                error={problem('primaryColor')}
                disabled={readOnly}
                onChange={(primaryColor) => onChange({ primaryColor })}
              />
            </Grid.Item>
            <Grid.Item col={6} s={12}>
              <ColorField
                name="accentColor"
                label={t('branding.accentColor')}
                hint={t('branding.accentColor.hint')}
                swatchLabel={t('branding.swatch', { colour: t('branding.accentColor') })}
                value={draft.accentColor}
                error={problem('accentColor')}
                disabled={readOnly}
                onChange={(accentColor) => onChange({ accentColor })}
              />
            </Grid.Item>
          </Grid.Root>
          <ContrastReport primaryColor={draft.primaryColor} accentColor={draft.accentColor} />
        </Group>
        <Group title={t('branding.group.portal')}>
          {text('portalUrl', 'branding.portalUrl', 'branding.portalUrl.hint', { type: 'url' })}
          {text('defaultLocale', 'branding.defaultLocale', 'branding.defaultLocale.hint', { required: true })}
          {text('supportEmail', 'branding.supportEmail', 'branding.supportEmail.hint', { type: 'email' })}
        </Group>
        <Group title={t('branding.group.email')}>
          {text('emailSenderName', 'branding.emailSenderName', 'branding.emailSenderName.hint')}
          {text('emailSenderAddress', 'branding.emailSenderAddress', 'branding.emailSenderAddress.hint', { type: 'email' })}
        </Group>
        <Group title={t('branding.group.footer')}>
          {longText('footerText', 'branding.footerText', 'branding.footerText.hint')}
          {longText('legalText', 'branding.legalText', 'branding.legalText.hint')}
          {longText('firmAddress', 'branding.firmAddress', 'branding.firmAddress.hint')}
          {text('taxId', 'branding.taxId', 'branding.taxId.hint')}
          {longText('paymentInstructions', 'branding.paymentInstructions', 'branding.paymentInstructions.hint')}
        </Group>
      </Grid.Item>
      <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
        <Box position="sticky" top={4} width="100%">
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
            <Box paddingBottom={4}>
              <Typography variant="delta" tag="h2">
                {t('branding.preview.title')}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {t('branding.preview.hint')}
              </Typography>
            </Box>
            <BrandingPreview draft={draft} />
          </Box>
        </Box>
      </Grid.Item>
    </Grid.Root>
  );
};
