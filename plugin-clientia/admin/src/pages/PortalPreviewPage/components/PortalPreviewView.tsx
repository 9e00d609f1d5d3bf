import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';

import type { PortalPreview } from '../../../../../shared/contracts/admin';
import { Meter } from '../../../components/Meter';
import { Notice } from '../../../components/Notice';
import { PortalFrame, type PortalLook } from '../../../components/PortalFrame';
import { EmptyNote } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatDate, formatDateTime } from '../../../utils/dates';
import { formatMoney } from '../../../utils/money';
import { useTranslate } from '../../../utils/useTranslate';

const Block = ({ title, empty, children }: { title: string; empty: string | null; children: ReactNode }) => (
  <Box tag="section" paddingBottom={6} aria-label={title}>
    <Typography variant="delta" tag="h3">
      {title}
    </Typography>
    <Box paddingTop={3}>{empty ? <EmptyNote>{empty}</EmptyNote> : children}</Box>
  </Box>
);

const Line = ({ children }: { children: ReactNode }) => (
  <Flex tag="li" gap={3} paddingTop={2} paddingBottom={2} wrap="wrap" alignItems="center">
    {children}
  </Flex>
);

interface PortalPreviewViewProps {
  preview: PortalPreview;
  look: PortalLook;
}

/** What the client's contacts see in the portal, read-only: no link here changes anything. */
export const PortalPreviewView = ({ preview, look }: PortalPreviewViewProps) => {
  const { t, label, locale: adminLocale } = useTranslate();
  // Amounts and dates as the client reads them, in the client's own locale.
  const locale = preview.client.locale || adminLocale;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Notice variant="info" title={t('preview.banner', { client: preview.client.name })}>
        {t('preview.readOnly')}
      </Notice>
      <PortalFrame look={look} label={t('preview.frame', { client: preview.client.name })}>
        <Typography variant="beta" tag="h2">
          {preview.client.name}
        </Typography>
        <Box paddingTop={5}>
          <Block title={t('preview.invoices')} empty={preview.invoices.length === 0 ? t('preview.invoices.empty') : null}>
            <Box tag="ul">
              {preview.invoices.map((invoice) => (
                <Line key={invoice.number}>
                  <Typography fontWeight="bold">{invoice.number}</Typography>
                  <StateBadge state={invoice.state} />
                  <Typography>{t('preview.invoice.due', { date: formatDate(invoice.dueDate, locale) ?? t('common.none') })}</Typography>
                  <Typography>{t('preview.invoice.total', { amount: formatMoney(invoice.total, locale) })}</Typography>
                  {invoice.balance.amount > 0 ? (
                    <Typography fontWeight="bold">{t('preview.invoice.balance', { amount: formatMoney(invoice.balance, locale) })}</Typography>
                  ) : null}
                </Line>
              ))}
            </Box>
          </Block>
          <Block title={t('preview.contracts')} empty={preview.contracts.length === 0 ? t('preview.contracts.empty') : null}>
            <Box tag="ul">
              {preview.contracts.map((contract, index) => (
                <Line key={`${contract.number ?? ''}-${index}`}>
                  <Typography fontWeight="semiBold">
                    {contract.number ? t('home.signature.contract', { number: contract.number, title: contract.title }) : contract.title}
                  </Typography>
                  <StateBadge state={contract.state} />
                </Line>
              ))}
            </Box>
          </Block>
          <Block title={t('preview.documents')} empty={preview.documents.length === 0 ? t('preview.documents.empty') : null}>
            <Box tag="ul">
              {preview.documents.map((document, index) => (
                <Line key={`${document.title}-${index}`}>
                  <Typography style={{ color: look.accentColor }}>{document.title}</Typography>
                  <Typography textColor="neutral600">
                    {[document.folder, t('client.documents.version', { version: document.version })].filter(Boolean).join(' · ')}
                  </Typography>
                </Line>
              ))}
            </Box>
          </Block>
          <Block title={t('preview.projects')} empty={preview.projects.length === 0 ? t('preview.projects.empty') : null}>
            {preview.projects.map((project, index) => (
              <Box key={`${project.name}-${index}`} paddingBottom={4}>
                <Flex gap={2}>
                  <Typography fontWeight="semiBold">{project.name}</Typography>
                  <StateBadge state={project.state} />
                </Flex>
                <Flex gap={3} paddingTop={2}>
                  <Meter value={project.progress} label={t('client.projects.progress')} />
                  <Typography>{t('client.projects.percent', { progress: project.progress })}</Typography>
                </Flex>
                <Box tag="ol" paddingTop={2}>
                  {project.milestones.map((milestone, position) => (
                    <Line key={`${milestone.title}-${position}`}>
                      <StateBadge state={milestone.state} />
                      <Typography>{milestone.title}</Typography>
                      {milestone.dueDate ? <Typography textColor="neutral600">{formatDate(milestone.dueDate, locale)}</Typography> : null}
                    </Line>
                  ))}
                </Box>
              </Box>
            ))}
          </Block>
          <Block title={t('preview.messages')} empty={preview.threads.length === 0 ? t('preview.messages.empty') : null}>
            <Box tag="ul">
              {preview.threads.map((thread, index) => (
                <Line key={`${thread.subject}-${index}`}>
                  <Typography fontWeight="semiBold">{thread.subject}</Typography>
                  <StateBadge state={thread.state} />
                  <Typography textColor="neutral600">{formatDateTime(thread.lastMessageAt, locale) ?? ''}</Typography>
                </Line>
              ))}
            </Box>
          </Block>
          <Block title={t('preview.activity')} empty={preview.activity.length === 0 ? t('preview.activity.empty') : null}>
            <Box tag="ol">
              {preview.activity.map((item, index) => (
                <Line key={`${item.occurredAt}-${index}`}>
                  <Typography variant="pi" textColor="neutral600">
                    {formatDateTime(item.occurredAt, locale)}
                  </Typography>
                  <Typography>
                    {t('preview.activity.entry', { actor: item.actorLabel, verb: label('verb', item.verb), label: item.subjectLabel })}
                  </Typography>
                </Line>
              ))}
            </Box>
          </Block>
        </Box>
      </PortalFrame>
    </Flex>
  );
};
