import { useState, type FormEvent } from "react";
import { Grid } from "@strapi/design-system";

import {
  createProjectRequest,
  PROJECT_STATES,
  updateProjectRequest,
  type StaffProject,
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

const draftOf = (project: StaffProject | null) => ({
  name: asText(project?.name),
  state: project?.state ?? "planned",
  progress: String(project?.progress ?? 0),
  startDate: asText(project?.startDate),
  dueDate: asText(project?.dueDate),
  summary: asText(project?.summary),
  internalNotes: asText(project?.internalNotes),
});

interface ProjectFormModalProps {
  /** The project to edit; none makes a new one. */
  project: { documentId: string; name: string } | null;
  editing: ClientEditing;
}

/** A project's fields, its status in words; an edit loads the whole project first (summary, notes, start). */
export const ProjectFormModal = ({
  project,
  editing,
}: ProjectFormModalProps) => {
  const { t, label } = useTranslate();
  const [open, setOpen] = useState(false);
  const projectId = project?.documentId ?? null;
  const form = useRecordForm(draftOf(null), {
    progress: "projects.error.progress",
    startDate: "clientEditor.error.date",
    dueDate: "clientEditor.error.date",
  });
  const { draft, edit, reset } = form;
  const clientId = editing.client.documentId;

  const { ready, loadFailure } = useRecordOnOpen(
    open,
    projectId,
    () => clientiaApi.getProject(clientId, projectId!),
    (loaded) => reset(draftOf(loaded)),
    "projects.loadFailed",
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...draft,
      progress: asWholeNumber(draft.progress),
      startDate: draft.startDate || null,
      dueDate: draft.dueDate || null,
    };
    const saved = project
      ? await form.submit({
          schema: updateProjectRequest,
          input,
          failed: "projects.failed",
          save: async (request) => {
            await clientiaApi.updateProject(
              clientId,
              project.documentId,
              request,
            );
          },
        })
      : await form.submit({
          schema: createProjectRequest,
          input,
          failed: "projects.failed",
          save: async (request) => {
            await clientiaApi.createProject(clientId, request);
          },
        });
    if (saved) {
      setOpen(false);
      editing.onChanged();
    }
  };

  const title = project
    ? t("projects.editTitle", { name: project.name })
    : t("projects.createTitle");

  return (
    <RecordFormModal
      open={open}
      onOpenChange={setOpen}
      trigger={
        <EditOrNewButton
          editing={Boolean(project)}
          editLabel={
            project ? t("projects.editLabel", { name: project.name }) : ""
          }
          edit={t("projects.edit")}
          create={t("projects.new")}
        />
      }
      title={title}
      ready={ready}
      loadFailure={loadFailure}
      loadingLabel={t("projects.loading")}
      failure={form.failure}
      onClearFailure={form.clearFailure}
      onSubmit={submit}
      saving={form.saving}
      submitLabel={project ? t("projects.save") : t("projects.create")}
    >
      <Grid.Root gap={4}>
        <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
          <TextField
            name="name"
            label={t("projects.name")}
            required
            value={draft.name}
            onChange={(v) => edit("name", v)}
            error={form.errorOf("name")}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <SelectField
            name="state"
            label={t("projects.state")}
            required
            value={draft.state}
            onChange={(v) => edit("state", v as typeof draft.state)}
            options={PROJECT_STATES.map((state) => ({
              value: state,
              label: label("state", state),
            }))}
            error={form.errorOf("state")}
          />
        </Grid.Item>
        <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
          <TextField
            name="progress"
            type="number"
            label={t("projects.progress")}
            value={draft.progress}
            onChange={(v) => edit("progress", v)}
            error={form.errorOf("progress")}
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
            name="startDate"
            type="date"
            label={t("projects.startDate")}
            value={draft.startDate}
            onChange={(v) => edit("startDate", v)}
            error={form.errorOf("startDate")}
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
            name="dueDate"
            type="date"
            label={t("projects.dueDate")}
            value={draft.dueDate}
            onChange={(v) => edit("dueDate", v)}
            error={form.errorOf("dueDate")}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextAreaField
            name="summary"
            label={t("projects.summary")}
            value={draft.summary}
            onChange={(v) => edit("summary", v)}
            error={form.errorOf("summary")}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextAreaField
            name="internalNotes"
            label={t("projects.internalNotes")}
            value={draft.internalNotes}
            onChange={(v) => edit("internalNotes", v)}
            error={form.errorOf("internalNotes")}
          />
        </Grid.Item>
      </Grid.Root>
    </RecordFormModal>
  );
};
