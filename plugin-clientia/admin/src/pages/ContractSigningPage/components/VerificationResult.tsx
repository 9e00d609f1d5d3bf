import type { ReactNode } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle, WarningCircle } from '@strapi/icons';

import type { ContractVerification } from '../../../../../shared/contracts/signing';
import { useTranslate } from '../../../utils/useTranslate';
import { compareHashes, formatUtc, sortFindings, type HashComparison } from '../signing';
import { DetailGrid } from './DetailGrid';
import { HashValue } from './HashValue';

const COMPARISON_TONE = { match: 'success600', mismatch: 'danger600', missing: 'neutral600' } as const;

const HashPair = ({ recorded, actual }: { recorded: string | null; actual: string | null }) => {
  const { t } = useTranslate();
  const comparison: HashComparison = compareHashes(recorded, actual);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} tag="span">
      <span>
        {t('signing.verify.recorded')} <HashValue hash={recorded} />
      </span>
      <span>
        {t('signing.verify.actual')} <HashValue hash={actual} />
      </span>
      <Typography fontWeight="semiBold" textColor={COMPARISON_TONE[comparison]}>
        {t(`signing.verify.comparison.${comparison}`)}
      </Typography>
    </Flex>
  );
};

const LOOK = {
  valid: { background: 'success100', border: 'success200', icon: 'success600', Icon: CheckCircle },
  invalid: { background: 'danger100', border: 'danger200', icon: 'danger600', Icon: WarningCircle },
} as const;

/**
 * The outcome of recomputing the trail. A failed check has to be impossible to miss, so it is
 * a coloured box that stays, not a notification that fades.
 */
export const VerificationResult = ({ verification }: { verification: ContractVerification }) => {
  const { t, label } = useTranslate();
  const look = LOOK[verification.valid ? 'valid' : 'invalid'];
  const findings = sortFindings(verification.findings);

  const details: [string, ReactNode][] = [
    [t('signing.verify.checkedAt'), formatUtc(verification.checkedAt)],
    [t('signing.verify.events'), verification.events],
    [t('signing.verify.head'), <HashValue key="head" hash={verification.head} />],
    [t('signing.verify.verificationCode'), <HashValue key="code" hash={verification.verificationCode} full />],
    [t('signing.verify.document'), <HashPair key="document" {...verification.document} />],
    [
      t('signing.verify.completedDocument'),
      verification.completedDocument ? (
        <HashPair key="completed" {...verification.completedDocument} />
      ) : (
        t('signing.verify.notCompleted')
      ),
    ],
  ];

  return (
    <Box
      role="status"
      aria-label={t('signing.verify.resultLabel')}
      data-valid={verification.valid}
      padding={5}
      hasRadius
      background={look.background}
      borderColor={look.border}
    >
      <Flex alignItems="flex-start" gap={3}>
        <Box color={look.icon} paddingTop={1} shrink={0}>
          <look.Icon aria-hidden />
        </Box>
        <Flex direction="column" alignItems="stretch" gap={4} grow={1}>
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Typography fontWeight="bold" tag="p">
              {t(verification.valid ? 'signing.verify.valid' : 'signing.verify.invalid')}
            </Typography>
            <Typography tag="p">
              {verification.valid
                ? t('signing.verify.validText')
                : t('signing.verify.invalidText', { count: findings.length })}
            </Typography>
          </Flex>
          {findings.length > 0 ? (
            <Box tag="ul" aria-label={t('signing.verify.findings')}>
              {findings.map((finding, index) => (
                <Box tag="li" key={`${finding.kind}-${finding.index ?? 'all'}-${index}`} paddingBottom={2}>
                  <Typography fontWeight="semiBold" textColor="danger700">
                    {finding.index === null
                      ? label('signing.finding', finding.kind)
                      : t('signing.verify.findingAt', {
                          kind: label('signing.finding', finding.kind),
                          position: finding.index + 1,
                        })}
                  </Typography>{' '}
                  <Typography>{finding.message}</Typography>
                </Box>
              ))}
            </Box>
          ) : null}
          <DetailGrid details={details} />
        </Flex>
      </Flex>
    </Box>
  );
};
