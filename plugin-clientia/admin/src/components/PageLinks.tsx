import { Dots, Flex, NextLink, PageLink, Pagination, PreviousLink, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';

import type { Pagination as PaginationMeta } from '../../../shared/contracts/admin';
import { useTranslate } from '../utils/useTranslate';

/** First, last, and the pages around the current one; gaps become dots. */
export const pageWindow = (page: number, pageCount: number): (number | 'gap')[] => {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const pages = [...wanted].sort((a, b) => a - b);
  return pages.flatMap((n, i) => (i > 0 && n - pages[i - 1] > 1 ? ['gap' as const, n] : [n]));
};

interface PageLinksProps {
  pagination: PaginationMeta;
  pageHref: (page: number) => string;
}

export const PageLinks = ({ pagination, pageHref }: PageLinksProps) => {
  const { t } = useTranslate();
  const { page, pageCount, total } = pagination;
  return (
    <Flex justifyContent="space-between" alignItems="center" paddingTop={4}>
      <Typography textColor="neutral600">{t('pagination.total', { total })}</Typography>
      {pageCount > 1 ? (
        <Pagination activePage={page} pageCount={pageCount} label={t('pagination.label')}>
          <PreviousLink tag={RouterLink} to={pageHref(page - 1)}>
            {t('pagination.previous')}
          </PreviousLink>
          {pageWindow(page, pageCount).map((entry, index) =>
            entry === 'gap' ? (
              <Dots key={`gap-${index}`}>{t('pagination.gap')}</Dots>
            ) : (
              <PageLink key={entry} number={entry} tag={RouterLink} to={pageHref(entry)}>
                {t('pagination.page', { page: entry })}
              </PageLink>
            )
          )}
          <NextLink tag={RouterLink} to={pageHref(page + 1)}>
            {t('pagination.next')}
          </NextLink>
        </Pagination>
      ) : null}
    </Flex>
  );
};
