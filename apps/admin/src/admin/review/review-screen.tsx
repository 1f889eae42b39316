"use client";
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import type { RouterOutputs } from "@coop/core/trpc";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { enumLabel, formatDateTime } from "../format";
import { STATE_COLORS } from "../records/options";
import { useTRPC } from "../trpc";
import { FieldDiffTable } from "./field-diff-table";

type ProposedChange = RouterOutputs["agreement"]["proposedChanges"][number];

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
      <Textarea
        label="Comment"
        description="Required to send back"
        autosize
        minRows={1}
        value={comment}
        onChange={(event) => setComment(event.currentTarget.value)}
      />
      <Group mt="xs" gap="xs">
        <Button size="xs" color="green" loading={transition.isPending && transition.variables.action === "approve"} onClick={() => decide("approve")}>
          Approve and publish
        </Button>
        <Button
          size="xs"
          color="orange"
          variant="light"
          disabled={!comment.trim()}
          loading={transition.isPending && transition.variables.action === "sendBack"}
          onClick={() => decide("sendBack")}
        >
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

/** A change an import proposed to a record readers can see: the field diff, then approve or reject. */
function ProposedChangeCard({ proposal }: { proposal: ProposedChange }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const decide = useMutation(
    trpc.agreement.decideProposedChange.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.agreement.pathKey() }),
    }),
  );
  const headingId = `proposed-${proposal.id}`;
  const run = (decision: "approve" | "reject") => decide.mutate({ id: proposal.id, expectedVersion: proposal.version, decision });
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Group gap="xs" mb={4}>
        <Badge color={STATE_COLORS[proposal.state]}>{enumLabel(proposal.state)}</Badge>
        <Anchor component={Link} href={`/admin/records/${proposal.id}`} fw={600} id={headingId}>
          {proposal.title}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Imported {formatDateTime(proposal.proposedAt)} by {proposal.proposedBy}
        {proposal.externalId ? ` · external id ${proposal.externalId}` : ""} · readers see the record as it is until you approve
      </Text>
      <FieldDiffTable changes={proposal.changes} caption={`Changes the import proposes to ${proposal.title}`} />
      <Group mt="xs" gap="xs">
        <Button size="xs" color="green" loading={decide.isPending && decide.variables.decision === "approve"} onClick={() => run("approve")}>
          Approve the change
        </Button>
        <Button size="xs" variant="default" loading={decide.isPending && decide.variables.decision === "reject"} onClick={() => run("reject")}>
          Reject it
        </Button>
      </Group>
      {decide.error ? (
        <Alert color="red" mt="xs" role="alert">
          {apiFailure(decide.error).message}
        </Alert>
      ) : null}
    </Card>
  );
}

function ProposedChanges() {
  const trpc = useTRPC();
  const proposals = useQuery(trpc.agreement.proposedChanges.queryOptions());
  const items = proposals.data ?? [];
  return (
    <Stack component="section" aria-labelledby="proposed-changes-heading">
      <Title order={2} id="proposed-changes-heading">
        Imported changes
      </Title>
      <Text size="sm" c="dimmed">
        Re-imports that change a record in review, published or archived wait here; the record changes only when you approve.
      </Text>
      {proposals.isPending ? <Text c="dimmed">Loading…</Text> : null}
      {proposals.error ? <Alert color="red">{apiFailure(proposals.error).message}</Alert> : null}
      {!proposals.isPending && !proposals.error && items.length === 0 ? <Text c="dimmed">No imported changes are waiting.</Text> : null}
      {items.map((proposal) => (
        <ProposedChangeCard key={proposal.id} proposal={proposal} />
      ))}
    </Stack>
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
    <Stack gap="xl">
      <Stack component="section" aria-labelledby="review-queue-heading">
        <Title order={2} id="review-queue-heading">
          Review queue
        </Title>
        {queue.isPending ? <Text c="dimmed">Loading…</Text> : null}
        {!queue.isPending && items.length === 0 ? <Text c="dimmed">Nothing is waiting for review.</Text> : null}
        {items.map((item) => (
          <ReviewCard key={item.id} item={item} />
        ))}
      </Stack>
      <ProposedChanges />
    </Stack>
  );
}
