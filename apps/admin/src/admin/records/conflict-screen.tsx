"use client";
import { Alert, Button, Card, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { comparable, FIELD_LABELS, type RecordFormValues } from "./record-form-model";

const FIELDS = Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[];

function describe(value: RecordFormValues[keyof RecordFormValues]): string {
  if (typeof value === "string") return value || "—";
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      typeof item === "string"
        ? item
        : "title" in item && item.title
          ? item.title
          : "organizationName" in item
            ? [item.organizationName, item.countryCode].filter(Boolean).join(" / ")
            : "description" in item
              ? item.description
              : "…",
    );
    return items.filter(Boolean).join("; ") || "—";
  }
  return comparable(value);
}

/** Someone saved first: their version beside yours, field by field, and the ways out. */
export function ConflictScreen({
  message,
  original,
  mine,
  theirs,
  onReapply,
  onTakeTheirs,
}: {
  message: string;
  original: RecordFormValues;
  mine: RecordFormValues;
  theirs: RecordFormValues;
  onReapply: () => void;
  onTakeTheirs: () => void;
}) {
  const differing = FIELDS.filter((field) => comparable(mine[field]) !== comparable(theirs[field]));
  return (
    <Stack data-testid="conflict-screen">
      <Alert color="orange" title="Someone else saved this record first" role="alert">
        {message}
      </Alert>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Fields that differ
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table layout="fixed" aria-label="Your version and theirs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>Field</Table.Th>
                <Table.Th>Yours</Table.Th>
                <Table.Th>Theirs (saved)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differing.map((field) => (
                <Table.Tr key={field}>
                  <Table.Td fw={600}>
                    {FIELD_LABELS[field]}
                    {comparable(original[field]) !== comparable(mine[field]) ? (
                      <Text size="xs" c="orange">
                        changed by you
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{describe(mine[field])}</Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap" }}>{describe(theirs[field])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Button onClick={onReapply}>Reapply my changes to their version</Button>
        <Button variant="default" onClick={onTakeTheirs}>
          Discard my changes and load theirs
        </Button>
      </SimpleGrid>
    </Stack>
  );
}
