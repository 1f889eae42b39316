"use client";
import { ActionIcon, Card, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { citedFieldLabel, type RecordFormValues } from "./record-form-model";

/** The facts this record ties to its sources' words; an editor may remove one that no longer holds. */
export function CitationsFields({ form }: { form: UseFormReturnType<RecordFormValues> }) {
  const { citations, sources } = form.values;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Citations
      </Title>
      {citations.length === 0 ? (
        <Text size="sm" c="dimmed">
          No fact is tied to a source&apos;s words yet. Records added from a report come with their citations.
        </Text>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label="Citations" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>According to</Table.Th>
                  <Table.Th w={48}>
                    <VisuallyHidden>Remove</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {citations.map((citation, index) => {
                  const sourceNumber = sources.findIndex((source) => source.key === citation.sourceKey) + 1;
                  const error = ["field", "quote", "source"].map((part) => form.errors[`citations.${index}.${part}`]).find(Boolean);
                  const label = citedFieldLabel(citation.field, form.values);
                  return (
                    <Table.Tr key={citation.key}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {label}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {sourceNumber ? `[${sourceNumber}]` : "(source removed)"} «{citation.quote}»
                        </Text>
                        {error ? (
                          <Text size="xs" c="red" role="alert">
                            {String(error)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove the citation of ${label}`}
                          onClick={() => form.removeListItem("citations", index)}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
