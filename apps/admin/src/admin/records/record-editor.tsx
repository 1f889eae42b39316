"use client";
import { Alert, Button, Grid, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useState } from "react";
import { type ApiFailure, apiFailure } from "../api-errors";
import { useTRPC } from "../trpc";
import { CitationsFields } from "./citations-fields";
import { ConflictScreen } from "./conflict-screen";
import { ConfirmNotDuplicateModal, type DuplicateCandidate, type DuplicateMatches, DuplicateWarning } from "./duplicate-warning";
import { MainFields } from "./main-fields";
import { PartiesFields } from "./parties-fields";
import {
  agreementInputOf,
  comparable,
  emptyRecordValues,
  formPathOf,
  formValuesOf,
  reapplyChanges,
  type RecordFormValues,
  type StoredRecord,
  validateRecordForm,
} from "./record-form-model";
import { CommitmentsFields, SourcesFields } from "./sources-commitments-fields";
import { TranslationsFields } from "./translations-fields";
import { WorkflowPanel } from "./workflow-panel";

const AUTOSAVE_PAUSE_MS = 4000;

interface Conflict {
  message: string;
  mine: RecordFormValues;
  theirs: StoredRecord;
}

/** Loads the stored record, or starts a new one (from `proposed` values when a report was read). */
export function RecordEditor({ recordId, canPublish, proposed }: { recordId: string | null; canPublish: boolean; proposed?: RecordFormValues }) {
  const trpc = useTRPC();
  const record = useQuery({ ...trpc.agreement.get.queryOptions({ id: recordId ?? "" }), enabled: recordId !== null });
  // Searchable selects show a stored value's label only if their options are there first.
  const countries = useQuery({ ...trpc.taxonomy.countries.queryOptions({}), staleTime: Infinity });
  if (record.error) return <Alert color="red">{record.error.message}</Alert>;
  if (!countries.data || (recordId !== null && !record.data)) return <Loader aria-label="Loading the record" />;
  if (recordId === null || !record.data) return <RecordEditorForm stored={null} proposed={proposed} canPublish={canPublish} />;
  return <RecordEditorForm stored={record.data} canPublish={canPublish} />;
}

function RecordEditorForm({ stored, proposed, canPublish }: { stored: StoredRecord | null; proposed?: RecordFormValues; canPublish: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<StoredRecord | null>(stored);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateMatches | null>(null);
  const [autosavedAt, setAutosavedAt] = useState<Date | null>(null);
  const form = useForm<RecordFormValues>({
    mode: "controlled",
    initialValues: stored ? formValuesOf(stored) : (proposed ?? emptyRecordValues()),
    validate: (values) => validateRecordForm(values, base?.status ?? null),
  });
  const hasUnsavedChanges = form.isDirty();

  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [hasUnsavedChanges]);

  /** Shows the saved record; with `typedSince`, the editor kept typing during the save, so their text stays. */
  const showSaved = (saved: StoredRecord, typedSince = false) => {
    setBase(saved);
    const values = formValuesOf(saved);
    form.setInitialValues(values);
    if (!typedSince) {
      form.setValues(values);
      form.resetDirty(values);
    }
    queryClient.setQueryData(trpc.agreement.get.queryKey({ id: saved.id }), saved);
    void queryClient.invalidateQueries({ queryKey: trpc.agreement.listForEditors.pathKey() });
  };

  const showFailure = async (failure: ApiFailure, values: RecordFormValues) => {
    if (failure.code === "CONFLICT" && Array.isArray(failure.conflict?.duplicates)) {
      setDuplicates({ candidates: failure.conflict.duplicates as DuplicateCandidate[], hidden: Number(failure.conflict.hiddenDuplicates ?? 0) });
      return;
    }
    if (failure.code === "CONFLICT" && base) {
      const theirs = await queryClient.fetchQuery({ ...trpc.agreement.get.queryOptions({ id: base.id }), staleTime: 0 });
      setConflict({ message: failure.message, mine: values, theirs });
      return;
    }
    if (failure.issues.length) form.setErrors(Object.fromEntries(failure.issues.map((issue) => [formPathOf(issue.path, values), issue.message])));
    notifications.show({ color: "red", title: "Not saved", message: failure.message });
  };

  const create = useMutation(trpc.agreement.create.mutationOptions());
  const update = useMutation(trpc.agreement.update.mutationOptions());
  const saving = create.isPending || update.isPending;

  const save = async (values: RecordFormValues, options: { confirmNotDuplicate?: boolean; autosave?: boolean } = {}) => {
    const data = agreementInputOf(values, base?.status ?? null);
    try {
      if (base) {
        const saved = await update.mutateAsync({ id: base.id, expectedVersion: base.version, data });
        showSaved(saved, comparable(form.getValues()) !== comparable(values));
        if (options.autosave) setAutosavedAt(new Date());
        else notifications.show({ color: "green", message: "Saved" });
      } else {
        const created = await create.mutateAsync({ data, confirmNotDuplicate: options.confirmNotDuplicate ?? false });
        showSaved(created);
        notifications.show({ color: "green", message: "Draft created" });
        router.replace(`/admin/records/${created.id}`);
      }
    } catch (error) {
      await showFailure(apiFailure(error), values);
    }
  };

  // Drafts save themselves once the editor pauses, when the form is valid.
  const [settledValues] = useDebouncedValue(form.values, AUTOSAVE_PAUSE_MS);
  // An effect event: it reads the latest editor state, while only a newly settled form triggers it.
  const autosave = useEffectEvent((values: RecordFormValues) => {
    if (!base || base.state !== "DRAFT" || saving || conflict || !form.isDirty()) return;
    if (comparable(values) !== comparable(form.getValues())) return;
    if (Object.keys(validateRecordForm(values, base.status)).length) return;
    void save(values, { autosave: true });
  });
  // Saving is synchronising with the server, an effect's job; its state changes follow the request.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => autosave(settledValues), [settledValues]);

  if (conflict && base) {
    const theirsValues = formValuesOf(conflict.theirs);
    return (
      <ConflictScreen
        message={conflict.message}
        original={formValuesOf(base)}
        mine={conflict.mine}
        theirs={theirsValues}
        onReapply={() => {
          setBase(conflict.theirs);
          form.setInitialValues(theirsValues);
          form.resetDirty(theirsValues);
          form.setValues(reapplyChanges(formValuesOf(base), conflict.mine, theirsValues));
          setConflict(null);
        }}
        onTakeTheirs={() => {
          showSaved(conflict.theirs);
          setConflict(null);
        }}
      />
    );
  }

  return (
    <>
      <form onSubmit={form.onSubmit((values) => void save(values))} noValidate aria-label="Record editor">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Title order={2} lineClamp={2}>
            {base ? base.title : "New record"}
          </Title>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {autosavedAt ? (
              <Text size="xs" c="dimmed" visibleFrom="sm" role="status">
                Draft saved automatically at {autosavedAt.toLocaleTimeString()}
              </Text>
            ) : null}
            <Button type="submit" loading={saving}>
              {base ? "Save" : "Create draft"}
            </Button>
          </Group>
        </Group>
        {Object.keys(form.errors).length ? (
          <Alert color="red" mb="md" role="alert" title="Some fields need attention">
            {Object.entries(form.errors)
              .slice(0, 5)
              .map(([path, message]) => `${path}: ${String(message)}`)
              .join(" · ")}
          </Alert>
        ) : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: base ? 8 : 12 }}>
            <Stack gap="xl">
              <MainFields
                form={form}
                storedStatus={base?.status ?? null}
                titleWarning={<DuplicateWarning title={form.values.title} parties={form.values.parties} excludeId={base?.id ?? null} />}
              />
              <PartiesFields form={form} />
              <SourcesFields form={form} />
              <CommitmentsFields form={form} />
              <TranslationsFields form={form} statusEvents={base?.statusEvents ?? []} />
              <CitationsFields form={form} />
              <Group justify="flex-end">
                <Button type="submit" loading={saving}>
                  {base ? "Save" : "Create draft"}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>
          {base ? (
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <WorkflowPanel record={base} canPublish={canPublish} hasUnsavedChanges={hasUnsavedChanges} onTransitioned={showSaved} />
            </Grid.Col>
          ) : null}
        </Grid>
      </form>
      <ConfirmNotDuplicateModal
        matches={duplicates}
        onCancel={() => setDuplicates(null)}
        onConfirm={() => {
          setDuplicates(null);
          void save(form.getValues(), { confirmNotDuplicate: true });
        }}
      />
    </>
  );
}
