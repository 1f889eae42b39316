"use client";
import { Alert, Badge, Button, Checkbox, Code, Group, NumberInput, Stack, Table, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { formatDateTime } from "../format";
import { useTRPC } from "../trpc";
import { ShownOnceAlert } from "./shown-once-alert";

const SCOPES = ["records:read-drafts", "records:write"] as const;
type Scope = (typeof SCOPES)[number];

/** API tokens for other apps: create (the secret is shown once), list, revoke. */
export function TokensScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiToken.list.queryOptions());
  const refresh = { onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiToken.list.queryKey() }) };
  const create = useMutation(trpc.apiToken.create.mutationOptions(refresh));
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions(refresh));
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["records:read-drafts"]);
  const [days, setDays] = useState(90);
  return (
    <Stack>
      <Title order={2}>API tokens</Title>
      <Group align="flex-end" gap="sm">
        <TextInput label="Name" description="The app that will use it" value={name} onChange={(event) => setName(event.currentTarget.value)} />
        <Checkbox.Group label="Scopes" value={scopes} onChange={(value) => setScopes(value)}>
          <Group gap="xs" mt={6}>
            {SCOPES.map((scope) => (
              <Checkbox key={scope} value={scope} label={scope} />
            ))}
          </Group>
        </Checkbox.Group>
        <NumberInput label="Expires in (days)" min={1} max={365} value={days} onChange={(value) => setDays(Number(value) || 90)} w={140} />
        <Button loading={create.isPending} onClick={() => create.mutate({ name, scopes, expiresInDays: days })}>
          Create token
        </Button>
      </Group>
      {(create.error ?? revoke.error) ? <Alert color="red">{apiFailure(create.error ?? revoke.error).message}</Alert> : null}
      {create.data ? (
        <ShownOnceAlert title="Copy the secret now: it is shown only once" value={create.data.secret} copyLabel="Copy secret" testId="token-secret" />
      ) : null}
      <Table.ScrollContainer minWidth={700}>
        <Table aria-label="API tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Prefix</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(tokens.data ?? []).map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{token.scopes.join(", ")}</Table.Td>
                <Table.Td>{formatDateTime(token.expiresAt)}</Table.Td>
                <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <Badge color="gray">revoked</Badge>
                  ) : (
                    <Button size="compact-xs" color="red" variant="light" onClick={() => revoke.mutate({ id: token.id })}>
                      Revoke
                    </Button>
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
