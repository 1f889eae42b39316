"use client";
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
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
  const invite = useMutation(trpc.user.invite.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.user.pathKey() }) }));
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

/** Invitation links that still work: who was invited, by whom, until when; each can be revoked at once. */
function PendingInvitations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.user.invitations.queryOptions());
  const revoke = useMutation(
    trpc.user.revokeInvitation.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.user.invitations.queryKey() }) }),
  );
  const items = invitations.data ?? [];
  return (
    <Stack gap="xs" component="section" aria-labelledby="pending-invitations-heading">
      <Title order={3} size="h4" id="pending-invitations-heading">
        Pending invitations
      </Title>
      <Text size="sm" c="dimmed">
        Inviting an email again replaces its earlier link; deactivating someone revokes the invitations they sent.
      </Text>
      {revoke.error ? (
        <Alert color="red" role="alert">
          {apiFailure(revoke.error).message}
        </Alert>
      ) : null}
      {!invitations.isPending && items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No invitation is waiting.
        </Text>
      ) : null}
      {items.length ? (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Pending invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Invited by</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>{invitation.email}</Table.Td>
                  <Table.Td>{invitation.role.toLowerCase()}</Table.Td>
                  <Table.Td>{invitation.invitedBy}</Table.Td>
                  <Table.Td>{formatDateTime(invitation.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      aria-label={`Revoke the invitation for ${invitation.email}`}
                      loading={revoke.isPending && revoke.variables.id === invitation.id}
                      onClick={() => revoke.mutate({ id: invitation.id })}
                    >
                      Revoke
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

/** People and their roles: invite, revoke invitations, change role, deactivate and reactivate. */
export function UsersScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.user.list.queryOptions());
  // Deactivating someone also revokes their invitations: both lists refresh.
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.user.pathKey() }) };
  const setRole = useMutation(trpc.user.setRole.mutationOptions(refresh));
  const deactivate = useMutation(trpc.user.deactivate.mutationOptions(refresh));
  const reactivate = useMutation(trpc.user.reactivate.mutationOptions(refresh));
  const failure = setRole.error ?? deactivate.error ?? reactivate.error;
  return (
    <Stack>
      <Title order={2}>Users</Title>
      <InviteForm />
      <PendingInvitations />
      <Title order={3} size="h4">
        People
      </Title>
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
