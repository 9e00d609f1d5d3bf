import {
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";
import { Button, Flex, Loader, Modal } from "@strapi/design-system";
import { Plus } from "@strapi/icons";

import { failureMessage } from "../../../../api/failure";
import {
  useTranslate,
  type TranslationKey,
} from "../../../../utils/useTranslate";
import { FormFailure } from "./fields";

interface RecordFormModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opens it; none when the page opens it itself. */
  trigger?: ReactNode;
  title: string;
  /** False while the record to edit loads; its failure, if it could not be loaded. */
  ready?: boolean;
  loadFailure?: string | null;
  loadingLabel?: string;
  /** What the server refused as a whole (field errors show on their fields). */
  failure: string | null;
  onClearFailure: () => void;
  onSubmit: (event: FormEvent) => void;
  saving: boolean;
  submitLabel: string;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * The frame every record form of the client page shares: the title, the record loading before
 * an edit (or why it could not), the server's refusal above the fields, and Cancel and Save.
 * The form is named by its title, so a screen reader announces what is being edited.
 */
export const RecordFormModal = ({
  open,
  onOpenChange,
  trigger,
  title,
  ready = true,
  loadFailure = null,
  loadingLabel,
  failure,
  onClearFailure,
  onSubmit,
  saving,
  submitLabel,
  children,
}: RecordFormModalProps) => {
  const { t } = useTranslate();
  return (
    <Modal.Root open={open} onOpenChange={onOpenChange}>
      {trigger ? <Modal.Trigger>{trigger}</Modal.Trigger> : null}
      <Modal.Content>
        <Modal.Header closeLabel={t("common.close")}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        {!ready ? (
          <Modal.Body>
            {loadFailure ? (
              <FormFailure
                message={loadFailure}
                onClose={() => onOpenChange(false)}
              />
            ) : (
              <Loader small>{loadingLabel}</Loader>
            )}
          </Modal.Body>
        ) : (
          <form noValidate onSubmit={onSubmit} aria-label={title}>
            <Modal.Body>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <FormFailure message={failure} onClose={onClearFailure} />
                {children}
              </Flex>
            </Modal.Body>
            <Modal.Footer>
              <Button variant="tertiary" onClick={() => onOpenChange(false)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={saving}>
                {submitLabel}
              </Button>
            </Modal.Footer>
          </form>
        )}
      </Modal.Content>
    </Modal.Root>
  );
};

/** "Edit" beside a record (named with it for screen readers), or "New …" above the list. */
export const EditOrNewButton = ({
  editing,
  editLabel,
  edit,
  create,
}: {
  editing: boolean;
  editLabel: string;
  edit: string;
  create: string;
}) =>
  editing ? (
    <Button variant="tertiary" size="S" aria-label={editLabel}>
      {edit}
    </Button>
  ) : (
    <Button variant="secondary" startIcon={<Plus />}>
      {create}
    </Button>
  );

/**
 * Loads the record each time its form opens, so an edit starts from the record as it is now; a
 * new record (`recordKey` null) is ready at once. `start` puts the draft back to its blank or
 * loaded state. The latest `load` and `start` are used; the load runs again only when the form
 * opens or the record changes.
 */
export const useRecordOnOpen = <T,>(
  open: boolean,
  recordKey: string | null,
  load: () => Promise<T>,
  start: (loaded: T | null) => void,
  failedKey: TranslationKey,
) => {
  const { t } = useTranslate();
  const [ready, setReady] = useState(false);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const latest = useRef({ load, start, failed: () => t(failedKey) });
  latest.current = { load, start, failed: () => t(failedKey) };
  useEffect(() => {
    if (!open) return;
    let current = true;
    latest.current.start(null);
    setLoadFailure(null);
    setReady(!recordKey);
    if (recordKey) {
      latest.current.load().then(
        (loaded) => {
          if (!current) return;
          latest.current.start(loaded);
          setReady(true);
        },
        (error: unknown) =>
          current &&
          setLoadFailure(failureMessage(error) ?? latest.current.failed()),
      );
    }
    return () => {
      current = false;
    };
  }, [open, recordKey]);
  return { ready, loadFailure };
};
