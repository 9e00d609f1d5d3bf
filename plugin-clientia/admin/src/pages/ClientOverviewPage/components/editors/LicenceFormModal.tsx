import { useState, type FormEvent } from "react";
import { Grid } from "@strapi/design-system";

import {
  createLicenceRequest,
  LICENCE_STATES,
  updateLicenceRequest,
  type StaffLicence,
} from "../../../../../../shared/contracts/admin-records";
import { clientiaApi } from "../../../../api/client";
import { useTranslate } from "../../../../utils/useTranslate";
import type { ClientEditing } from "../../editing";
import { useRecordForm } from "../../hooks/useRecordForm";
import { asText, asWholeNumber } from "../../recordForms";
import { SelectField, TextAreaField, TextField } from "./fields";
import {
  EditOrNewButton,
  RecordFormModal,
  useRecordOnOpen,
} from "./RecordFormModal";

const draftOf = (licence: StaffLicence | null) => ({
  product: asText(licence?.product),
  plan: asText(licence?.plan),
  state: licence?.state ?? "active",
  seatsPurchased: String(licence?.seatsPurchased ?? 1),
  renewalDate: asText(licence?.renewalDate),
  internalNotes: asText(licence?.internalNotes),
});

interface LicenceFormModalProps {
  /** The licence to edit; none makes a new one. */
  licence: { documentId: string; product: string } | null;
  editing: ClientEditing;
}

/**
 * A licence's product, plan, state, seats purchased and renewal date. The server keeps one seat
 * per seat purchased and refuses fewer seats than are assigned; its refusal shows on the field.
 */
export const LicenceFormModal = ({
  licence,
  editing,
}: LicenceFormModalProps) => {
  const { t, label } = useTranslate();
  const [open, setOpen] = useState(false);
  const form = useRecordForm(draftOf(null), {
    seatsPurchased: "licences.error.seats",
    renewalDate: "clientEditor.error.date",
  });
  const { draft, edit, reset } = form;
  const clientId = editing.client.documentId;
  const licenceId = licence?.documentId ?? null;

  const { ready, loadFailure } = useRecordOnOpen(
    open,
    licenceId,
    () => clientiaApi.getLicence(clientId, licenceId!),
    (loaded) => reset(draftOf(loaded)),
    "licences.loadFailed",
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...draft,
      seatsPurchased: asWholeNumber(draft.seatsPurchased),
      renewalDate: draft.renewalDate || null,
    };
    const saved = licenceId
      ? await form.submit({
          schema: updateLicenceRequest,
          input,
          failed: "licences.failed",
          save: async (request) => {
            await clientiaApi.updateLicence(clientId, licenceId, request);
          },
        })
      : await form.submit({
          schema: createLicenceRequest,
          input,
          failed: "licences.failed",
          save: async (request) => {
            await clientiaApi.createLicence(clientId, request);
          },
        });
    if (saved) {
      setOpen(false);
      editing.onChanged();
    }
  };

  const title = licence
    ? t("licences.editTitle", { product: licence.product })
    : t("licences.createTitle");

  return (
    <RecordFormModal
      open={open}
      onOpenChange={setOpen}
      trigger={
        <EditOrNewButton
          editing={Boolean(licence)}
          editLabel={
            licence ? t("licences.editLabel", { product: licence.product }) : ""
          }
          edit={t("licences.edit")}
          create={t("licences.new")}
        />
      }
      title={title}
      ready={ready}
      loadFailure={loadFailure}
      loadingLabel={t("licences.loading")}
      failure={form.failure}
      onClearFailure={form.clearFailure}
      onSubmit={submit}
      saving={form.saving}
      submitLabel={licence ? t("licences.save") : t("licences.create")}
    >
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="product"
            label={t("licences.product")}
            required
            value={draft.product}
            onChange={(v) => edit("product", v)}
            error={form.errorOf("product")}
          />
        </Grid.Item>
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <TextField
            name="plan"
            label={t("licences.plan")}
            value={draft.plan}
            onChange={(v) => edit("plan", v)}
            error={form.errorOf("plan")}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <TextField
            name="seatsPurchased"
            type="number"
            label={t("licences.seatsPurchased")}
            required
            value={draft.seatsPurchased}
            onChange={(v) => edit("seatsPurchased", v)}
            hint={t("licences.seatsHint")}
            error={form.errorOf("seatsPurchased")}
          />
        </Grid.Item>
        <Grid.Item
          col={4}
          s={6}
          xs={12}
          direction="column"
          alignItems="stretch"
        >
          <TextField
            name="renewalDate"
            type="date"
            label={t("licences.renewalDate")}
            value={draft.renewalDate}
            onChange={(v) => edit("renewalDate", v)}
            error={form.errorOf("renewalDate")}
          />
        </Grid.Item>
        <Grid.Item
          col={4}
          s={6}
          xs={12}
          direction="column"
          alignItems="stretch"
        >
          <SelectField
            name="state"
            label={t("licences.state")}
            required
            value={draft.state}
            onChange={(v) => edit("state", v as typeof draft.state)}
            options={LICENCE_STATES.map((state) => ({
              value: state,
              label: label("state", state),
            }))}
            error={form.errorOf("state")}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextAreaField
            name="internalNotes"
            label={t("licences.internalNotes")}
            value={draft.internalNotes}
            onChange={(v) => edit("internalNotes", v)}
            error={form.errorOf("internalNotes")}
          />
        </Grid.Item>
      </Grid.Root>
    </RecordFormModal>
  );
};
