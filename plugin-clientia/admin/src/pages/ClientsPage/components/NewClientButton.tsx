import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';

import { paths } from '../../../utils/links';
import { useTranslate } from '../../../utils/useTranslate';
import { ClientFormModal } from '../../ClientOverviewPage/components/editors/ClientFormModal';

/** A new client, made here and then shown on its own page, where its contacts and records are added. */
export const NewClientButton = () => {
  const { t } = useTranslate();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<Plus />} onClick={() => setOpen(true)}>
        {t('clientEditor.new')}
      </Button>
      <ClientFormModal
        client={null}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={(client) => {
          setOpen(false);
          toggleNotification({ type: 'success', message: t('clientEditor.created', { client: client.name }) });
          navigate(paths.client(client.documentId));
        }}
      />
    </>
  );
};
