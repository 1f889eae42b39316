"use client";
import { Alert, Anchor, Button, Group, List, Modal, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "../trpc";

export interface DuplicateCandidate {
  id: string;
  title: string;
  state: string;
  score: number;
  reasons: string[];
}

function CandidateList({ candidates }: { candidates: DuplicateCandidate[] }) {
  return (
    <List size="sm" spacing={4}>
      {candidates.map((candidate) => (
        <List.Item key={candidate.id}>
          <Anchor component={Link} href={`/admin/records/${candidate.id}`} target="_blank">
            {candidate.title}
          </Anchor>{" "}
          <Text span size="xs" c="dimmed">
            ({Math.round(candidate.score * 100)}%: {candidate.reasons.join(", ")})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** Warns while the title is typed when records that look the same already exist among those of the parties' states and organisations. */
export function DuplicateWarning({
  title,
  parties,
  excludeId,
}: {
  title: string;
  parties: { countryCode: string | null; organizationId: string | null }[];
  excludeId: string | null;
}) {
  const trpc = useTRPC();
  const [settledTitle] = useDebouncedValue(title.trim(), 500);
  const countries = [...new Set(parties.flatMap((party) => (party.countryCode ? [party.countryCode] : [])))];
  const organizationIds = [...new Set(parties.flatMap((party) => (party.organizationId ? [party.organizationId] : [])))];
  const duplicates = useQuery({
    ...trpc.agreement.duplicates.queryOptions({ title: settledTitle || "-", countries, organizationIds, ...(excludeId ? { excludeId } : {}) }),
    enabled: settledTitle.length >= 4,
  });
  const candidates = settledTitle.length >= 4 ? (duplicates.data ?? []) : [];
  if (candidates.length === 0) return null;
  return (
    <Alert color="yellow" title="Possible duplicates" role="status" data-testid="duplicate-warning">
      <CandidateList candidates={candidates.slice(0, 5)} />
    </Alert>
  );
}

/** Records that look the same as the one being created: those the editor may open, and how many others exist. */
export interface DuplicateMatches {
  candidates: DuplicateCandidate[];
  /** Someone else's unpublished records, which the editor may not open. */
  hidden: number;
}

/** Creating was refused because of strong duplicates: show them and let the editor create anyway. */
export function ConfirmNotDuplicateModal({ matches, onConfirm, onCancel }: { matches: DuplicateMatches | null; onConfirm: () => void; onCancel: () => void }) {
  const hidden = matches?.hidden ?? 0;
  return (
    <Modal opened={matches !== null} onClose={onCancel} title="This record may already exist">
      <Text size="sm" mb="xs">
        These records look the same. Open them to check; create the new record only if it is a different agreement.
      </Text>
      <CandidateList candidates={matches?.candidates ?? []} />
      {hidden ? (
        <Text size="sm" mt="xs">
          {hidden === 1 ? "One unpublished record" : `${hidden} unpublished records`} by someone else also {hidden === 1 ? "looks" : "look"} the same; an editor
          can check.
        </Text>
      ) : null}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="orange" onClick={onConfirm}>
          It is not a duplicate: create it
        </Button>
      </Group>
    </Modal>
  );
}
