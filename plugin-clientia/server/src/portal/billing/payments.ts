import type { Core } from '@strapi/strapi';

import type { ListPortalPaymentsResponse, PORTAL_PAYMENT_SORTS } from '../../../../shared/contracts/portal-billing';
import { UID } from '../../constants';
import { PAYMENT_INVOICE_FIELDS, PORTAL_PAYMENT_FIELDS, serializePortalPayment } from '../../serializers/portal/payment';
import { linkedTo, records } from '../../repositories/records';
import type { PortalContext } from '../context';
import type { ListQuery } from '../../../../shared/contracts/portal';
import { paginationMeta } from '../../serializers/pagination';

type PaymentSort = (typeof PORTAL_PAYMENT_SORTS)[number];

export const listPayments = async (
  strapi: Core.Strapi,
  portal: PortalContext,
  { page, pageSize, sort }: ListQuery<PaymentSort, never>
): Promise<ListPortalPaymentsResponse> => {
  // A payment is only ever recorded on an issued invoice; the draft check keeps it that way here too.
  const where = { ...linkedTo(strapi, UID.payment, 'client', portal.client.id), invoice: { state: { $ne: 'draft' } } };
  const [rows, total] = await Promise.all([
    records(strapi, UID.payment).findMany({
      select: [...PORTAL_PAYMENT_FIELDS],
      where,
      populate: { invoice: { select: [...PAYMENT_INVOICE_FIELDS] } },
      orderBy: [{ [sort.field]: sort.direction }, { id: sort.direction }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    records(strapi, UID.payment).count({ where }),
  ]);
  return { data: rows.map(serializePortalPayment), meta: paginationMeta(page, pageSize, total) };
};
