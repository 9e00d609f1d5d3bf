import { useEffect, useId, useState, type FormEvent } from "react";
import { Button, Checkbox, Flex, Typography } from "@strapi/design-system";

import { updateContactRequest } from "../../../../../../shared/contracts/admin-records";
import { PORTAL_ROLES } from "../../../../../../shared/contracts/portal";
import { clientiaApi } from "../../../../api/client";
import { useTranslate } from "../../../../utils/useTranslate";
import type { ClientEditing } from "../../editing";
import { useRecordForm } from "../../hooks/useRecordForm";
import type { Contact } from "../../signIn";
import { SelectField, TextField } from "./fields";
import { RecordFormModal } from "./RecordFormModal";

const draftOf = (contact: Contact) => ({
  name: contact.name,
  role: contact.role as string,
  signatory: contact.signatory,
  active: contact.deactivatedAt === null,
});

interface ContactEditModalProps {
  contact: Contact;
  editing: ClientEditing;
}

/** A contact's name at this client, portal role, signatory flag and access to this client. */
export const ContactEditModal = ({
  contact,
  editing,
}: ContactEditModalProps) => {
  const { t, label } = useTranslate();
  const [open, setOpen] = useState(false);
  const form = useRecordForm(draftOf(contact), { role: "contacts.error.role" });
  const { draft, edit, reset } = form;
  const accessHint = useId();

  useEffect(() => {
    if (open) reset(draftOf(contact));
  }, [open, contact, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.submit({
      schema: updateContactRequest,
      input: draft,
      failed: "contacts.failed",
      save: async (request) => {
        await clientiaApi.updateContact(
          editing.client.documentId,
          contact.membershipId,
          request,
        );
      },
    });
    if (saved) {
      setOpen(false);
      editing.onChanged();
    }
  };

  const title = t("contacts.editTitle", { name: contact.name });

  return (
    <RecordFormModal
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button
          variant="tertiary"
          size="S"
          aria-label={t("contacts.editLabel", { name: contact.name })}
        >
          {t("contacts.edit")}
        </Button>
      }
      title={title}
      failure={form.failure}
      onClearFailure={form.clearFailure}
      onSubmit={submit}
      saving={form.saving}
      submitLabel={t("contacts.save")}
    >
      <TextField
        name="name"
        label={t("contacts.name")}
        required
        value={draft.name}
        onChange={(v) => edit("name", v)}
        error={form.errorOf("name")}
      />
      <SelectField
        name="role"
        label={t("contacts.role")}
        required
        value={draft.role}
        onChange={(v) => edit("role", v)}
        options={PORTAL_ROLES.map((role) => ({
          value: role,
          label: label("role", role),
        }))}
        hint={t("contacts.roleHint")}
        error={form.errorOf("role")}
      />
      <Checkbox
        checked={draft.signatory}
        onCheckedChange={(checked) => edit("signatory", checked === true)}
      >
        {t("contacts.signatory")}
      </Checkbox>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Checkbox
          aria-describedby={accessHint}
          checked={draft.active}
          onCheckedChange={(checked) => edit("active", checked === true)}
        >
          {t("contacts.access", { client: editing.client.name })}
        </Checkbox>
        <Typography id={accessHint} variant="pi" textColor="neutral600">
          {t("contacts.accessHint")}
        </Typography>
      </Flex>
    </RecordFormModal>
  );
};
