"use client";
import { Alert, Badge, Button, Card, Group, Modal, MultiSelect, Select, Stack, Table, TagsInput, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@coop/core/trpc";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { enumLabel } from "../format";
import { ORGANIZATION_KIND_OPTIONS } from "../records/options";
import { useCountryOptions } from "../taxonomy";
import { useTRPC } from "../trpc";

type Organization = RouterOutputs["organization"]["search"][number];

function useOrganizationSearch(q: string, limit = 50) {
  const trpc = useTRPC();
  const [settled] = useDebouncedValue(q.trim(), 250);
  return useQuery(trpc.organization.search.queryOptions({ q: settled, limit }));
}

function OrganizationEditor({ organization, canEdit, onDone }: { organization: Organization; canEdit: boolean; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const countries = useCountryOptions();
  const [name, setName] = useState(organization.name);
  const [aliases, setAliases] = useState(organization.aliases);
  const [kind, setKind] = useState<string>(organization.kind);
  const [countryCode, setCountryCode] = useState<string | null>(organization.countryCode);
  const [website, setWebsite] = useState(organization.website ?? "");
  const [memberIds, setMemberIds] = useState(organization.members.map((entry) => entry.member.id));
  const [memberQuery, setMemberQuery] = useState("");
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);
  const candidates = useOrganizationSearch(memberQuery, 20);
  const choices = [
    ...organization.members.map((entry) => ({ value: entry.member.id, label: entry.member.name })),
    ...(candidates.data ?? []).filter((other) => other.id !== organization.id).map((other) => ({ value: other.id, label: other.name })),
  ].filter((choice, index, all) => all.findIndex((other) => other.value === choice.value) === index);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.organization.search.pathKey() });
    onDone();
  };
  const update = useMutation(trpc.organization.update.mutationOptions({ onSuccess: refresh }));
  const merge = useMutation(trpc.organization.merge.mutationOptions({ onSuccess: refresh }));
  const failure = update.error ?? merge.error;

  return (
    <Stack gap="xs">
      <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} disabled={!canEdit} />
      <TagsInput
        label="Aliases"
        description="Other names and abbreviations; press Enter after each"
        value={aliases}
        onChange={setAliases}
        disabled={!canEdit}
      />
      <Select
        label="Kind"
        data={ORGANIZATION_KIND_OPTIONS}
        value={kind}
        onChange={(value) => setKind(value ?? "OTHER")}
        allowDeselect={false}
        disabled={!canEdit}
      />
      <Select label="Country" data={countries} value={countryCode} onChange={setCountryCode} searchable clearable disabled={!canEdit} />
      <TextInput label="Website" type="url" value={website} onChange={(event) => setWebsite(event.currentTarget.value)} disabled={!canEdit} />
      {kind === "CONSORTIUM" ? (
        <MultiSelect
          label="Consortium members"
          data={choices}
          value={memberIds}
          onChange={setMemberIds}
          searchable
          searchValue={memberQuery}
          onSearchChange={setMemberQuery}
          disabled={!canEdit}
        />
      ) : null}
      {failure ? <Alert color="red">{apiFailure(failure).message}</Alert> : null}
      {canEdit ? (
        <>
          <Button
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                id: organization.id,
                data: {
                  name,
                  aliases,
                  kind: kind as Organization["kind"],
                  countryCode,
                  website: website || null,
                  memberIds: kind === "CONSORTIUM" ? memberIds : [],
                },
              })
            }
          >
            Save organisation
          </Button>
          <Card withBorder>
            <Text size="sm" fw={600}>
              Merge into another organisation
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              Its records move to the other one; its names are kept as aliases; it is then removed.
            </Text>
            <Group align="flex-end" gap="xs">
              <Select
                aria-label="Organisation to merge into"
                placeholder="Search"
                data={(candidates.data ?? []).filter((other) => other.id !== organization.id).map((other) => ({ value: other.id, label: other.name }))}
                searchable
                onSearchChange={setMemberQuery}
                value={mergeTarget}
                onChange={setMergeTarget}
                style={{ flex: 1 }}
              />
              <Button
                color="orange"
                disabled={!mergeTarget}
                loading={merge.isPending}
                onClick={() => mergeTarget && merge.mutate({ sourceId: organization.id, targetId: mergeTarget })}
              >
                Merge
              </Button>
            </Group>
          </Card>
        </>
      ) : null}
    </Stack>
  );
}

/** Organisations: find by name or alias, edit names, aliases and consortium members, merge duplicates. */
export function OrganizationsScreen({ canEdit }: { canEdit: boolean }) {
  const [q, setQ] = useState("");
  const organizations = useOrganizationSearch(q);
  const [editing, setEditing] = useState<Organization | null>(null);
  return (
    <Stack>
      <Title order={2}>Organisations</Title>
      <TextInput label="Search" placeholder="Name or alias" value={q} onChange={(event) => setQ(event.currentTarget.value)} maw={400} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover aria-label="Organisations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th miw={180}>Kind</Table.Th>
              <Table.Th>Country</Table.Th>
              <Table.Th>Records</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(organizations.data ?? []).map((organization) => (
              <Table.Tr key={organization.id}>
                <Table.Td>
                  {organization.name}
                  {organization.aliases.length ? (
                    <Text size="xs" c="dimmed">
                      {organization.aliases.join(", ")}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{enumLabel(organization.kind)}</Badge>
                </Table.Td>
                <Table.Td>{organization.countryCode}</Table.Td>
                <Table.Td>{organization._count.parties}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="light" onClick={() => setEditing(organization)}>
                    {canEdit ? "Edit" : "View"}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.name} size="lg">
        {editing ? <OrganizationEditor key={editing.id} organization={editing} canEdit={canEdit} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}
