import { useEffect, useState, type FormEvent } from "react";
import { Checkbox, Grid } from "@strapi/design-system";

import {
  CLIENT_STATES,
  type ClientOverview,
} from "../../../../../../shared/contracts/admin";
import {
  createClientRequest,
  updateClientRequest,
  type StaffMember,
} from "../../../../../../shared/contracts/admin-records";
import { clientiaApi } from "../../../../api/client";
import { useTranslate } from "../../../../utils/useTranslate";
import { useRecordForm } from "../../hooks/useRecordForm";
import { asText } from "../../recordForms";
import { SelectField, TextAreaField, TextField } from "./fields";
import { RecordFormModal } from "./RecordFormModal";

type ClientRecord = ClientOverview["client"];

const NOBODY = "nobody";

const draftOf = (client: ClientRecord | null) => ({
  name: asText(client?.name),
  state: client?.state ?? "active",
  legalName: asText(client?.legalName),
  billingEmail: asText(client?.billingEmail),
  billingAddress: asText(client?.billingAddress),
  taxId: asText(client?.taxId),
  currency: asText(client?.currency),
  locale: asText(client?.locale),
  timezone: asText(client?.timezone),
  accountManager: client?.accountManager
    ? String(client.accountManager.id)
    : NOBODY,
  portalEnabled: client?.portalEnabled ?? true,
  internalNotes: asText(client?.internalNotes),
});

interface ClientFormModalProps {
  /** The client to edit; none makes a new one. */
  client: ClientRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved: (client: ClientRecord) => void;
}

/** A client's own fields, in the firm's words; the same form makes a new client and edits one. */
export const ClientFormModal = ({
  client,
  open,
  onClose,
  onSaved,
}: ClientFormModalProps) => {
  const { t, label } = useTranslate();
  const form = useRecordForm(draftOf(client), {
    billingEmail: "clientEditor.error.email",
    currency: "clientEditor.error.currency",
    locale: "clientEditor.error.locale",
    timezone: "clientEditor.error.timezone",
  });
  const { draft, edit, reset } = form;
  const [staff, setStaff] = useState<StaffMember[]>([]);

  useEffect(() => {
    if (!open) return;
    reset(draftOf(client));
    let current = true;
    // Without the list the form still offers the current manager and nobody.
    clientiaApi.listStaff().then(
      (list) => current && setStaff(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [open, client, reset]);

  const managers = [
    { value: NOBODY, label: t("clientEditor.noAccountManager") },
    ...staff.map((member) => ({
      value: String(member.id),
      label: member.name,
    })),
  ];
  if (
    client?.accountManager &&
    !staff.some((member) => member.id === client.accountManager!.id)
  ) {
    managers.push({
      value: String(client.accountManager.id),
      label: client.accountManager.name,
    });
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...draft,
      accountManager:
        draft.accountManager === NOBODY ? null : Number(draft.accountManager),
    };
    if (client) {
      await form.submit({
        schema: updateClientRequest,
        input,
        failed: "clientEditor.failed",
        save: async (request) =>
          onSaved(await clientiaApi.updateClient(client.documentId, request)),
      });
    } else {
      await form.submit({
        schema: createClientRequest,
        input,
        failed: "clientEditor.failed",
        save: async (request) =>
          onSaved(await clientiaApi.createClient(request)),
      });
    }
  };

  const title = client
    ? t("clientEditor.editTitle", { client: client.name })
    : t("clientEditor.createTitle");

  return (
    <RecordFormModal
      open={open}
      onOpenChange={(next) => (next ? undefined : onClose())}
      title={title}
      failure={form.failure}
      onClearFailure={form.clearFailure}
      onSubmit={submit}
      saving={form.saving}
      submitLabel={client ? t("clientEditor.save") : t("clientEditor.create")}
    >
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="name"
            label={t("clientEditor.name")}
            required
            value={draft.name}
            onChange={(v) => edit("name", v)}
            error={form.errorOf("name")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SelectField
            name="state"
            label={t("clientEditor.state")}
            required
            value={draft.state}
            onChange={(v) => edit("state", v as typeof draft.state)}
            options={CLIENT_STATES.map((state) => ({
              value: state,
              label: label("state", state),
            }))}
            hint={t("clientEditor.stateHint")}
            error={form.errorOf("state")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="legalName"
            label={t("clientEditor.legalName")}
            value={draft.legalName}
            onChange={(v) => edit("legalName", v)}
            error={form.errorOf("legalName")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="taxId"
            label={t("clientEditor.taxId")}
            value={draft.taxId}
            onChange={(v) => edit("taxId", v)}
            error={form.errorOf("taxId")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="billingEmail"
            type="email"
            label={t("clientEditor.billingEmail")}
            value={draft.billingEmail}
            onChange={(v) => edit("billingEmail", v)}
            error={form.errorOf("billingEmail")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="currency"
            label={t("clientEditor.currency")}
            required
            value={draft.currency}
            onChange={(v) => edit("currency", v)}
            hint={t("clientEditor.currencyHint")}
            error={form.errorOf("currency")}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextAreaField
            name="billingAddress"
            label={t("clientEditor.billingAddress")}
            value={draft.billingAddress}
            onChange={(v) => edit("billingAddress", v)}
            error={form.errorOf("billingAddress")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="locale"
            label={t("clientEditor.locale")}
            value={draft.locale}
            onChange={(v) => edit("locale", v)}
            hint={t("clientEditor.localeHint")}
            error={form.errorOf("locale")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="timezone"
            label={t("clientEditor.timezone")}
            value={draft.timezone}
            onChange={(v) => edit("timezone", v)}
            hint={t("clientEditor.timezoneHint")}
            error={form.errorOf("timezone")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SelectField
            name="accountManager"
            label={t("clientEditor.accountManager")}
            value={draft.accountManager}
            onChange={(v) => edit("accountManager", v)}
            options={managers}
            error={form.errorOf("accountManager")}
          />
        </Grid.Item>
        <Grid.Item
          col={6}
          s={12}
          direction="column"
          alignItems="stretch"
          justifyContent="center"
        >
          <Checkbox
            checked={draft.portalEnabled}
            onCheckedChange={(checked) =>
              edit("portalEnabled", checked === true)
            }
          >
            {t("clientEditor.portalEnabled")}
          </Checkbox>
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextAreaField
            name="internalNotes"
            label={t("clientEditor.internalNotes")}
            value={draft.internalNotes}
            onChange={(v) => edit("internalNotes", v)}
            error={form.errorOf("internalNotes")}
          />
        </Grid.Item>
      </Grid.Root>
    </RecordFormModal>
  );
};
