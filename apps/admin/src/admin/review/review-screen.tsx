"use client";
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { enumLabel, formatDateTime } from "../format";
import { STATE_COLORS } from "../records/options";
import { useTRPC } from "../trpc";

interface QueueItem {
  id: string;
  title: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  africanCountryCodes: string[];
  partnerCountryCodes: string[];
}

function ReviewCard({ item }: { item: QueueItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const transition = useMutation(
    trpc.agreement.transition.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.agreement.listForEditors.pathKey() }),
    }),
  );
  const decide = (action: "approve" | "sendBack") => transition.mutate({ id: item.id, expectedVersion: item.version, action, comment: comment || null });
  return (
    <Card withBorder role="article" aria-label={item.title}>
      <Anchor component={Link} href={`/admin/records/${item.id}`} fw={600}>
        {item.title}
      </Anchor>
      <Text size="xs" c="dimmed" mb="xs">
        {[...item.africanCountryCodes, ...item.partnerCountryCodes].join(", ")} · submitted {formatDateTime(item.updatedAt)} by {item.updatedBy ?? "unknown"}
      </Text>
      <Textarea label="Comment" description="Required to send back" autosize minRows={1} value={comment} onChange={(event) => setComment(event.currentTarget.value)} />
      <Group mt="xs" gap="xs">
        <Button size="xs" color="green" loading={transition.isPending && transition.variables.action === "approve"} onClick={() => decide("approve")}>
          Approve and publish
        </Button>
        <Button size="xs" color="orange" variant="light" disabled={!comment.trim()} loading={transition.isPending && transition.variables.action === "sendBack"} onClick={() => decide("sendBack")}>
          Send back
        </Button>
      </Group>
      {transition.error ? (
        <Alert color="red" mt="xs" role="alert">
          {apiFailure(transition.error).message}
        </Alert>
      ) : null}
    </Card>
  );
}

/** Editors: records waiting for review. Contributors: their own drafts and submissions with the latest comments. */
export function ReviewScreen({ canReview }: { canReview: boolean }) {
  const trpc = useTRPC();
  const queue = useQuery({ ...trpc.agreement.listForEditors.queryOptions({ state: ["IN_REVIEW"], limit: 50 }), enabled: canReview });
  const mine = useQuery({ ...trpc.dashboard.overview.queryOptions(), enabled: !canReview });
  if (!canReview) {
    return (
      <Stack>
        <Title order={2}>My submissions</Title>
        {(mine.data?.mySubmissions ?? []).map((record) => (
          <Card withBorder key={record.id}>
            <Group gap="xs">
              <Badge color={STATE_COLORS[record.state]}>{enumLabel(record.state)}</Badge>
              <Anchor component={Link} href={`/admin/records/${record.id}`}>
                {record.title}
              </Anchor>
            </Group>
            {record.latestComment ? (
              <Text size="sm" mt={4}>
                {record.latestComment.authorLabel}: “{record.latestComment.body}”
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
    );
  }
  const items = queue.data?.items ?? [];
  return (
    <Stack>
      <Title order={2}>Review queue</Title>
      {queue.isPending ? <Text c="dimmed">Loading…</Text> : null}
      {!queue.isPending && items.length === 0 ? <Text c="dimmed">Nothing is waiting for review.</Text> : null}
      {items.map((item) => (
        <ReviewCard key={item.id} item={item} />
      ))}
    </Stack>
  );
}
