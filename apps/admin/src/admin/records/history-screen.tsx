"use client";
import { Alert, Anchor, Button, Card, Code, Grid, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { formatDateTime } from "../format";
import { useTRPC } from "../trpc";
import { StatusTimelineCard } from "./status-timeline";

function ValueCell({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === "") return <Text c="dimmed">—</Text>;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return <Text size="sm">{String(value)}</Text>;
  return (
    <Code block fz="xs">
      {JSON.stringify(value, null, 1)}
    </Code>
  );
}

/** A record's saved versions: field-by-field differences side by side, restore, and the status timeline. */
export function HistoryScreen({ recordId, canRestore }: { recordId: string; canRestore: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const record = useQuery(trpc.agreement.get.queryOptions({ id: recordId }));
  const revisions = useQuery(trpc.agreement.revisions.queryOptions({ id: recordId }));
  const versions = (revisions.data ?? []).map((revision) => revision.version);
  const [chosen, setChosen] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const to = chosen.to ?? versions[0] ?? 1;
  const from = chosen.from ?? versions[1] ?? to;
  const diff = useQuery({ ...trpc.agreement.revisionDiff.queryOptions({ id: recordId, from, to }), enabled: versions.length > 0 });
  const restore = useMutation(
    trpc.agreement.restoreRevision.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.agreement.pathKey() }),
    }),
  );
  const options = versions.map((version) => ({ value: String(version), label: `Version ${version}` }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>History{record.data ? `: ${record.data.title}` : ""}</Title>
        <Anchor component={Link} href={`/admin/records/${recordId}`}>
          Back to the editor
        </Anchor>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Versions
            </Title>
            <Stack gap="xs">
              {(revisions.data ?? []).map((revision) => (
                <div key={revision.version}>
                  <Text size="sm" fw={600}>
                    Version {revision.version}: {revision.summary}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {revision.author} · {formatDateTime(revision.createdAt)}
                  </Text>
                  {canRestore && record.data && revision.version !== record.data.version ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={restore.isPending && restore.variables.version === revision.version}
                      onClick={() => record.data && restore.mutate({ id: recordId, version: revision.version, expectedVersion: record.data.version })}
                    >
                      Restore version {revision.version}
                    </Button>
                  ) : null}
                </div>
              ))}
            </Stack>
            {restore.error ? (
              <Alert color="red" mt="xs">
                {apiFailure(restore.error).message}
              </Alert>
            ) : null}
          </Card>
          <Stack mt="md">
            <StatusTimelineCard events={record.data?.statusEvents ?? []} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder>
            <Group mb="sm" gap="xs" align="flex-end">
              <Select
                label="Compare"
                data={options}
                value={String(from)}
                onChange={(value) => setChosen((current) => ({ ...current, from: Number(value) }))}
                allowDeselect={false}
                w={150}
              />
              <Select
                label="with"
                data={options}
                value={String(to)}
                onChange={(value) => setChosen((current) => ({ ...current, to: Number(value) }))}
                allowDeselect={false}
                w={150}
              />
            </Group>
            {diff.data && diff.data.changes.length === 0 ? <Text c="dimmed">No differences.</Text> : null}
            <Table.ScrollContainer minWidth={560}>
              <Table layout="fixed" aria-label="Differences between the versions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={130}>Field</Table.Th>
                    <Table.Th>Version {from}</Table.Th>
                    <Table.Th>Version {to}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(diff.data?.changes ?? []).map((change) => (
                    <Table.Tr key={change.field}>
                      <Table.Td fw={600}>{change.field}</Table.Td>
                      <Table.Td bg="var(--mantine-color-red-light)">
                        <ValueCell value={change.before} />
                      </Table.Td>
                      <Table.Td bg="var(--mantine-color-green-light)">
                        <ValueCell value={change.after} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
