"use client";
import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { emptyCommitment, emptySource, type RecordFormValues } from "./record-form-model";

export const PARTIAL_DATE_HINT = "YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown";

/** Sources as select options, by their position: commitments and status changes cite them by index. */
export function sourceOptions(values: RecordFormValues) {
  return values.sources.map((source, index) => ({
    value: String(index),
    label: `${index + 1}. ${source.title || source.publisher || source.url || "untitled source"}`,
  }));
}

export function SourcesFields({ form }: { form: UseFormReturnType<RecordFormValues> }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Sources
      </Title>
      {form.values.sources.map((source, index) => (
        <Card withBorder key={source.key} role="group" aria-label={`Source ${index + 1}`}>
          <Group justify="space-between" mb={4}>
            <Text fw={600} size="sm">
              Source {index + 1}
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove source ${index + 1}`} onClick={() => form.removeListItem("sources", index)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <TextInput label={`Source ${index + 1} URL`} type="url" {...form.getInputProps(`sources.${index}.url`)} />
            <TextInput label="Source title" {...form.getInputProps(`sources.${index}.title`)} />
            <TextInput label="Publisher" {...form.getInputProps(`sources.${index}.publisher`)} />
            <TextInput label="Author" {...form.getInputProps(`sources.${index}.author`)} />
            <TextInput label="Published on" description={PARTIAL_DATE_HINT} {...form.getInputProps(`sources.${index}.publishedOn`)} />
            <TextInput label="Language" description="en, fr, pt, ru…" {...form.getInputProps(`sources.${index}.language`)} />
          </SimpleGrid>
          <Textarea label="Excerpt" autosize minRows={1} mt="xs" {...form.getInputProps(`sources.${index}.excerpt`)} />
        </Card>
      ))}
      <Button variant="light" size="xs" w="fit-content" onClick={() => form.insertListItem("sources", emptySource())}>
        Add source
      </Button>
    </Stack>
  );
}

export function CommitmentsFields({ form }: { form: UseFormReturnType<RecordFormValues> }) {
  const sources = sourceOptions(form.values);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Commitments
      </Title>
      {form.values.commitments.map((commitment, index) => (
        <Card withBorder key={commitment.key} role="group" aria-label={`Commitment ${index + 1}`}>
          <Textarea
            label={`Commitment ${index + 1}`}
            description="What was promised"
            autosize
            minRows={2}
            {...form.getInputProps(`commitments.${index}.description`)}
          />
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" mt="xs">
            <TextInput label="Quantity" inputMode="decimal" {...form.getInputProps(`commitments.${index}.quantity`)} />
            <TextInput label="Unit" {...form.getInputProps(`commitments.${index}.unit`)} />
            <TextInput label="Deadline" placeholder="YYYY-MM" {...form.getInputProps(`commitments.${index}.deadline`)} />
            <TextInput label="Delivered" inputMode="decimal" {...form.getInputProps(`commitments.${index}.delivered`)} />
            <Select label="Source" data={sources} clearable {...form.getInputProps(`commitments.${index}.source`)} />
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button variant="subtle" color="red" size="xs" onClick={() => form.removeListItem("commitments", index)}>
              Remove commitment {index + 1}
            </Button>
          </Group>
        </Card>
      ))}
      <Button variant="light" size="xs" w="fit-content" onClick={() => form.insertListItem("commitments", emptyCommitment())}>
        Add commitment
      </Button>
    </Stack>
  );
}
