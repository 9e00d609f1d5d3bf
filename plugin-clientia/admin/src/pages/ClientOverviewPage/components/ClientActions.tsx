import { useState } from 'react';
import { Button, Flex, LinkButton } from '@strapi/design-system';
import { Eye, Mail } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';

import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';
import { InviteContactModal } from './InviteContactModal';

interface ClientActionsProps {
  clientDocumentId: string;
  clientName: string;
  canInvite: boolean;
  onInvited: () => void;
}

export const ClientActions = ({ clientDocumentId, clientName, canInvite, onInvited }: ClientActionsProps) => {
  const { t } = useTranslate();
  const [inviting, setInviting] = useState(false);
  return (
    <Flex gap={2}>
      <LinkButton tag={RouterLink} to={paths.portalPreview(clientDocumentId)} variant="secondary" startIcon={<Eye />}>
        {t('client.previewPortal')}
      </LinkButton>
      {canInvite ? (
        <>
          <Button startIcon={<Mail />} onClick={() => setInviting(true)}>
            {t('client.invite')}
          </Button>
          <InviteContactModal
            clientDocumentId={clientDocumentId}
            clientName={clientName}
            open={inviting}
            onClose={() => setInviting(false)}
            onInvited={onInvited}
          />
        </>
      ) : null}
    </Flex>
  );
};
