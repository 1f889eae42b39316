"use client";
import { Card, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { enumLabel } from "../format";
import type { RecordFormValues, StoredRecord } from "./record-form-model";

/**
 * The record's text in French, Portuguese and Russian: title and summary, venue and
 * event, each commitment's description and each dated status note. Left empty, a field
 * shows readers the original with a note saying so.
 */
export function TranslationsFields({ form, statusEvents }: { form: UseFormReturnType<RecordFormValues>; statusEvents: StoredRecord["statusEvents"] }) {
  const notedEvents = statusEvents.filter((event) => event.note);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Translations
      </Title>
      {form.values.translations.map((translation, index) => (
        <Card withBorder key={translation.locale} role="group" aria-label={`${translation.locale} translation`}>
          <TextInput label={`Title (${translation.locale})`} {...form.getInputProps(`translations.${index}.title`)} />
          <Textarea label={`Summary (${translation.locale})`} autosize minRows={2} mt="xs" {...form.getInputProps(`translations.${index}.summary`)} />
          <TextInput label={`Event (${translation.locale})`} mt="xs" placeholder={form.values.event} {...form.getInputProps(`translations.${index}.event`)} />
          <TextInput label={`Venue (${translation.locale})`} mt="xs" placeholder={form.values.venue} {...form.getInputProps(`translations.${index}.venue`)} />
          {form.values.commitments.map((commitment, position) => (
            <TextInput
              key={commitment.key}
              label={`Commitment ${position + 1} (${translation.locale})`}
              description={commitment.description}
              mt="xs"
              {...form.getInputProps(`translations.${index}.commitments.${commitment.key}`)}
              value={translation.commitments[commitment.key] ?? ""}
            />
          ))}
          {notedEvents.map((event) => (
            <TextInput
              key={event.id}
              label={`Note of “${enumLabel(event.status)}” (${translation.locale})`}
              description={event.note}
              mt="xs"
              {...form.getInputProps(`translations.${index}.statusNotes.${event.id}`)}
              value={translation.statusNotes[event.id] ?? ""}
            />
          ))}
          {form.errors[`translations.${index}.commitments`] && (
            <Text size="xs" c="red" mt="xs">
              {String(form.errors[`translations.${index}.commitments`])}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
