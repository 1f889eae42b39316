"use client";
import { Alert, Card, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { enumLabel } from "../format";
import { useSectorOptions } from "../taxonomy";
import { CONFIDENCE_OPTIONS, KIND_OPTIONS, STATUS_OPTIONS } from "./options";
import type { RecordFormValues } from "./record-form-model";
import { PARTIAL_DATE_HINT, sourceOptions } from "./sources-commitments-fields";

/** Title, summary, classification, dates, place and money; the status-change block when the status moves. */
export function MainFields({
  form,
  storedStatus,
  titleWarning,
}: {
  form: UseFormReturnType<RecordFormValues>;
  storedStatus: string | null;
  titleWarning: React.ReactNode;
}) {
  const sectors = useSectorOptions();
  const statusChanged = storedStatus !== null && form.values.status !== storedStatus;
  return (
    <Stack gap="xs">
      <TextInput label="Title" required {...form.getInputProps("title")} />
      {titleWarning}
      <Textarea label="Summary" autosize minRows={3} {...form.getInputProps("summary")} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps("kind")} />
        <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps("status")} />
        <Select label="Confidence" data={CONFIDENCE_OPTIONS} allowDeselect={false} {...form.getInputProps("confidence")} />
      </SimpleGrid>
      {statusChanged ? (
        <Card withBorder bg="var(--mantine-color-yellow-light)" role="group" aria-label="Status change">
          <Alert variant="transparent" p={0} mb="xs" title={`Status changes from ${enumLabel(storedStatus)} to ${enumLabel(form.values.status)}`}>
            Say when it happened and which source reports it; it is added to the timeline.
          </Alert>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <TextInput label="Occurred on" description={PARTIAL_DATE_HINT} {...form.getInputProps("statusChange.occurredOn")} />
            <Select label="Source" data={sourceOptions(form.values)} required {...form.getInputProps("statusChange.source")} />
            <TextInput label="Note" {...form.getInputProps("statusChange.note")} />
          </SimpleGrid>
        </Card>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput label="Announced on" description={PARTIAL_DATE_HINT} {...form.getInputProps("announcedOn")} />
        <TextInput label="Signed on" description={PARTIAL_DATE_HINT} {...form.getInputProps("signedOn")} />
        <TextInput label="Venue" {...form.getInputProps("venue")} />
        <TextInput label="Event" {...form.getInputProps("event")} />
        <TextInput label="Amount" inputMode="decimal" {...form.getInputProps("amount")} />
        <TextInput label="Currency" placeholder="USD" maxLength={3} {...form.getInputProps("currency")} />
      </SimpleGrid>
      <MultiSelect label="Sectors" data={sectors} searchable clearable {...form.getInputProps("sectors")} />
    </Stack>
  );
}
