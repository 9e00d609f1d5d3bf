import type { ReactNode } from 'react';
import { Link } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';

interface RecordLinkProps {
  to: string;
  children: ReactNode;
}

/** A design-system link that navigates inside the admin router instead of reloading the page. */
export const RecordLink = ({ to, children }: RecordLinkProps) => (
  <Link tag={RouterLink} to={to}>
    {children}
  </Link>
);
