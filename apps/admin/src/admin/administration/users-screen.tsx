"use client";
import { Alert, Badge, Button, Group, Select, Stack, Table, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { formatDateTime } from "../format";
import { useTRPC } from "../trpc";
import { ShownOnceAlert } from "./shown-once-alert";

const ROLES = ["CONTRIBUTOR", "EDITOR", "ADMIN"].map((role) => ({ value: role, label: role.toLowerCase() }));
type Role = "CONTRIBUTOR" | "EDITOR" | "ADMIN";

function InviteForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("CONTRIBUTOR");
  const invite = useMutation(trpc.user.invite.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() }) }));
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <TextInput label="Invite by email" type="email" value={email} onChange={(event) => setEmail(event.currentTarget.value)} w={280} />
        <Select label="Role" data={ROLES} value={role} onChange={(value) => setRole((value as Role | null) ?? "CONTRIBUTOR")} allowDeselect={false} w={160} />
        <Button loading={invite.isPending} onClick={() => invite.mutate({ email, role })}>
          Invite
        </Button>
      </Group>
      {invite.error ? <Alert color="red">{apiFailure(invite.error).message}</Alert> : null}
      {invite.data ? (
        <ShownOnceAlert title={`Invitation for ${invite.data.email}: copy the link now, it is shown once`} value={invite.data.url} copyLabel="Copy link" />
      ) : null}
    </Stack>
  );
}

/** People and their roles: invite, change role, deactivate and reactivate. */
export function UsersScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() }) };
  const setRole = useMutation(trpc.user.setRole.mutationOptions(refresh));
  const deactivate = useMutation(trpc.user.deactivate.mutationOptions(refresh));
  const reactivate = useMutation(trpc.user.reactivate.mutationOptions(refresh));
  const failure = setRole.error ?? deactivate.error ?? reactivate.error;
  return (
    <Stack>
      <Title order={2}>Users</Title>
      <InviteForm />
      {failure ? <Alert color="red">{apiFailure(failure).message}</Alert> : null}
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th>Access</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>{user.name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Role of ${user.email}`}
                    data={ROLES}
                    value={user.role}
                    onChange={(value) => value && setRole.mutate({ userId: user.id, role: value as Role })}
                    allowDeselect={false}
                    size="xs"
                    w={140}
                  />
                </Table.Td>
                <Table.Td>{formatDateTime(user.createdAt)}</Table.Td>
                <Table.Td>
                  {user.active ? (
                    <Button size="compact-xs" variant="light" color="red" onClick={() => deactivate.mutate({ userId: user.id })}>
                      Deactivate
                    </Button>
                  ) : (
                    <Group gap={4}>
                      <Badge color="gray">inactive</Badge>
                      <Button size="compact-xs" variant="light" onClick={() => reactivate.mutate({ userId: user.id })}>
                        Reactivate
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
