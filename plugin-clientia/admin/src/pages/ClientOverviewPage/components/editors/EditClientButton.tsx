import { useState } from 'react';
import { Button } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';

import type { ClientOverview } from '../../../../../../shared/contracts/admin';
import { useTranslate } from '../../../../utils/useTranslate';
import { ClientFormModal } from './ClientFormModal';

/** The client page's way into the client's own fields. */
export const EditClientButton = ({ client, onSaved }: { client: ClientOverview['client']; onSaved: () => void }) => {
  const { t } = useTranslate();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" startIcon={<Pencil />} onClick={() => setOpen(true)}>
        {t('clientEditor.edit')}
      </Button>
      <ClientFormModal
        client={client}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={(saved) => {
          setOpen(false);
          toggleNotification({ type: 'success', message: t('clientEditor.saved', { client: saved.name }) });
          onSaved();
        }}
      />
    </>
  );
};
