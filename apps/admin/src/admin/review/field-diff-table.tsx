import { List, Table, Text } from "@mantine/core";
import type { RouterOutputs } from "@coop/core/trpc";

export type FieldChange = RouterOutputs["agreement"]["proposedChanges"][number]["changes"][number];
type FieldValue = FieldChange["before"];

const FIELD_LABELS: Record<string, string> = {
  announcedOn: "Announced",
  signedOn: "Signed",
};

/** A record field's name as an editor reads it: signedOn -> "Signed", parties -> "Parties". */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

function FieldValueCell({ value }: { value: FieldValue }) {
  if (value === null || (Array.isArray(value) && value.length === 0))
    return (
      <Text size="sm" c="dimmed">
        (none)
      </Text>
    );
  if (!Array.isArray(value))
    return (
      <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {value}
      </Text>
    );
  return (
    <List size="sm" spacing={2}>
      {value.map((line, index) => (
        <List.Item key={index} style={{ overflowWrap: "anywhere" }}>
          {line}
        </List.Item>
      ))}
    </List>
  );
}

/** What a change does to a record, field by field: the value now and after, each column labelled for screen readers. */
export function FieldDiffTable({ changes, caption, afterLabel = "Proposed" }: { changes: FieldChange[]; caption: string; afterLabel?: string }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table layout="fixed" verticalSpacing={4} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120} scope="col">
              Field
            </Table.Th>
            <Table.Th scope="col">Now</Table.Th>
            <Table.Th scope="col">{afterLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.field}>
              <Table.Th scope="row" fw={600}>
                {fieldLabel(change.field)}
              </Table.Th>
              <Table.Td bg="var(--mantine-color-red-light)">
                <FieldValueCell value={change.before} />
              </Table.Td>
              <Table.Td bg="var(--mantine-color-green-light)">
                <FieldValueCell value={change.after} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
