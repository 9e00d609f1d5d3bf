import { Box, Flex, Typography } from '@strapi/design-system';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { RecordLink } from '../../../../components/RecordLink';
import { EmptyNote } from '../../../../components/Section';
import { formatDate } from '../../../../utils/dates';
import { paths } from '../../../../utils/links';
import { useTranslate } from '../../../../utils/useTranslate';
import { useClientEditing } from '../../editing';
import { LicenceFormModal } from '../editors/LicenceFormModal';
import { SeatsModal } from '../editors/SeatsModal';
import { seatUsage } from '../../../HomePage/attention';
import { ToneBadge } from '../../../../components/ToneBadge';

export const LicencesPanel = ({ licences }: { licences: ClientOverview['licences'] }) => {
  const { t, locale } = useTranslate();
  const editing = useClientEditing();
  const newLicence = editing ? (
    <Flex justifyContent="flex-end">
      <LicenceFormModal licence={null} editing={editing} />
    </Flex>
  ) : null;
  if (licences.length === 0) {
    return (
      <Flex direction="column" alignItems="stretch" gap={4}>
        {newLicence}
        <EmptyNote>{t('client.licences.empty')}</EmptyNote>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {newLicence}
      {licences.map((licence) => {
        const usage = seatUsage(licence.assigned, licence.purchased);
        return (
          <Box key={licence.documentId} borderColor="neutral200" hasRadius padding={4} aria-label={licence.product} tag="article">
            <Flex justifyContent="space-between" gap={2} wrap="wrap">
              <RecordLink to={paths.record('licence', licence.documentId)}>
                {licence.plan ? t('home.seats.productPlan', { product: licence.product, plan: licence.plan }) : licence.product}
              </RecordLink>
              <Flex gap={2}>
                <Typography>
                  {t('home.seats.usage', { assigned: licence.assigned, purchased: licence.purchased, percent: usage.percent })}
                </Typography>
                {usage.isFull ? <ToneBadge tone="danger">{t('home.seats.full')}</ToneBadge> : null}
                {editing ? (
                  <>
                    <LicenceFormModal licence={licence} editing={editing} />
                    <SeatsModal licence={licence} editing={editing} />
                  </>
                ) : null}
              </Flex>
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {licence.renewalDate
                ? t('client.licences.renews', { date: formatDate(licence.renewalDate, locale) ?? '' })
                : t('client.licences.noRenewal')}
            </Typography>
            <Box tag="ul" paddingTop={2}>
              {licence.seats.map((seat) => (
                <Box tag="li" key={seat.documentId} paddingTop={1}>
                  <Typography textColor={seat.assigneeName || seat.assigneeEmail ? 'neutral800' : 'neutral500'}>
                    {seat.assigneeName || seat.assigneeEmail
                      ? [seat.assigneeName, seat.assigneeEmail].filter(Boolean).join(' · ')
                      : t('client.licences.vacant')}
                  </Typography>
                </Box>
              ))}
            </Box>
          </Box>
        );
      })}
    </Flex>
  );
};
