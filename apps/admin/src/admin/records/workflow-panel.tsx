"use client";
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { enumLabel, formatDateTime } from "../format";
import { useTRPC } from "../trpc";
import { STATE_COLORS } from "./options";
import type { StoredRecord } from "./record-form-model";
import { StatusTimelineCard } from "./status-timeline";

type Action = "submit" | "approve" | "sendBack" | "unpublish" | "archive" | "reopen";

const ACTIONS: { action: Action; label: string; from: string[]; editorsOnly: boolean; color?: string }[] = [
  { action: "submit", label: "Submit for review", from: ["DRAFT"], editorsOnly: false },
  { action: "approve", label: "Approve and publish", from: ["IN_REVIEW"], editorsOnly: true, color: "green" },
  { action: "sendBack", label: "Send back", from: ["IN_REVIEW"], editorsOnly: true, color: "orange" },
  { action: "unpublish", label: "Unpublish", from: ["PUBLISHED"], editorsOnly: true, color: "orange" },
  { action: "archive", label: "Archive", from: ["DRAFT", "IN_REVIEW", "PUBLISHED"], editorsOnly: true, color: "gray" },
  { action: "reopen", label: "Reopen", from: ["ARCHIVED"], editorsOnly: true },
];

/** The record's editorial state, the workflow actions allowed from it, review comments and the status timeline. */
export function WorkflowPanel({
  record,
  canPublish,
  hasUnsavedChanges,
  onTransitioned,
}: {
  record: StoredRecord;
  canPublish: boolean;
  hasUnsavedChanges: boolean;
  onTransitioned: (record: StoredRecord) => void;
}) {
  const trpc = useTRPC();
  const [commentFor, setCommentFor] = useState<Action | null>(null);
  const [comment, setComment] = useState("");
  const transition = useMutation(
    trpc.agreement.transition.mutationOptions({
      onSuccess: (saved) => {
        setCommentFor(null);
        setComment("");
        onTransitioned(saved);
      },
    }),
  );
  const run = (action: Action, withComment?: string) =>
    transition.mutate({ id: record.id, expectedVersion: record.version, action, comment: withComment || null });
  const available = ACTIONS.filter((item) => item.from.includes(record.state) && (canPublish || !item.editorsOnly));

  return (
    <Stack gap="sm">
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">
            Workflow
          </Title>
          <Badge color={STATE_COLORS[record.state]} data-testid="record-state">
            {enumLabel(record.state)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" mb="xs">
          Version {record.version} · saved {formatDateTime(record.updatedAt)} by {record.updatedBy ?? "unknown"}
        </Text>
        {record.proposedChange ? (
          <Alert color="violet" variant="light" mb="xs" title="An import proposes changes">
            Readers see this record as it is until an editor approves them.{" "}
            {canPublish ? (
              <Anchor component={Link} href="/admin/review">
                Review the changes
              </Anchor>
            ) : null}
          </Alert>
        ) : null}
        {hasUnsavedChanges ? (
          <Text size="sm" c="orange" mb="xs">
            Save your changes before moving the record on.
          </Text>
        ) : null}
        <Group gap="xs">
          {available.map((item) => (
            <Button
              key={item.action}
              size="xs"
              color={item.color}
              disabled={hasUnsavedChanges}
              loading={transition.isPending && transition.variables.action === item.action}
              onClick={() => (item.action === "sendBack" ? setCommentFor(item.action) : run(item.action))}
            >
              {item.label}
            </Button>
          ))}
        </Group>
        {transition.error ? (
          <Alert color="red" mt="xs" role="alert">
            {apiFailure(transition.error).message}
          </Alert>
        ) : null}
        <Button component={Link} href={`/admin/records/${record.id}/history`} variant="subtle" size="xs" mt="xs" px={0}>
          History and revisions
        </Button>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Review comments
        </Title>
        {record.comments.length === 0 ? (
          <Text c="dimmed" size="sm">
            No comments yet.
          </Text>
        ) : null}
        <Stack gap="xs">
          {record.comments.map((entry) => (
            <div key={entry.id}>
              <Text size="xs" c="dimmed">
                {entry.authorLabel} · {enumLabel(entry.action)} · {formatDateTime(entry.createdAt)}
              </Text>
              <Text size="sm">{entry.body}</Text>
            </div>
          ))}
        </Stack>
      </Card>
      <StatusTimelineCard events={record.statusEvents} />
      <Modal opened={commentFor !== null} onClose={() => setCommentFor(null)} title="Send back to the author">
        <Textarea
          label="What should change?"
          required
          autosize
          minRows={3}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => setCommentFor(null)}>
            Cancel
          </Button>
          <Button color="orange" disabled={!comment.trim()} loading={transition.isPending} onClick={() => commentFor && run(commentFor, comment)}>
            Send back
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
