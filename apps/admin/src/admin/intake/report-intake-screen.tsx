"use client";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RouterInputs, RouterOutputs } from "@coop/core/trpc";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { enumLabel } from "../format";
import { STATE_COLORS } from "../records/options";
import { RecordEditor } from "../records/record-editor";
import { citedFieldLabel, formValuesOfDraft, type RecordFormValues } from "../records/record-form-model";
import { useTRPC } from "../trpc";
import { dropProposedValues, highlightSpans, proposedValuesOf, type ProposedValue } from "./proposed-values";

type Report = RouterInputs["intake"]["analyze"];
type Analysis = RouterOutputs["intake"]["analyze"];
type Proposal = NonNullable<Analysis["proposal"]>;
type Match = Analysis["matches"][number];

/** Colours by kind of fact, the same in the report and in the list of proposed values. */
const FIELD_COLORS: Record<string, string> = {
  parties: "var(--mantine-color-blue-2)",
  signedOn: "var(--mantine-color-green-2)",
  announcedOn: "var(--mantine-color-green-2)",
  kind: "var(--mantine-color-orange-2)",
  status: "var(--mantine-color-orange-2)",
  commitments: "var(--mantine-color-grape-2)",
  sectors: "var(--mantine-color-teal-2)",
  venue: "var(--mantine-color-yellow-2)",
  event: "var(--mantine-color-yellow-2)",
  sources: "var(--mantine-color-gray-3)",
};
const LANGUAGES = [
  { value: "en", label: "English" },
  { value: "fr", label: "French" },
  { value: "pt", label: "Portuguese" },
  { value: "ru", label: "Russian" },
];

/** Paste a report, read what it proposes beside its highlighted words, keep or drop each value, then finish in the editor or add it to a matching record. */
export function ReportIntakeScreen({ canPublish }: { canPublish: boolean }) {
  const trpc = useTRPC();
  const analyze = useMutation(trpc.intake.analyze.mutationOptions());
  const [report, setReport] = useState<Report>({ text: "" });
  const [analysis, setAnalysis] = useState<{ report: Report; result: Analysis } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function read(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setAnalysis({ report, result: await analyze.mutateAsync(report) });
    } catch (failure) {
      const { message, issues } = apiFailure(failure);
      setError(issues.length ? issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ") : message);
    }
  }

  if (analysis) return <ReportReading report={analysis.report} analysis={analysis.result} canPublish={canPublish} onBack={() => setAnalysis(null)} />;
  return (
    <Stack maw={900}>
      <Title order={2}>Add from a report</Title>
      <Text c="dimmed">
        Paste a news report (its text or the page&apos;s HTML). Every value proposed from it points at the words that say it; nothing is saved until you save
        the draft.
      </Text>
      <form onSubmit={(event) => void read(event)}>
        <Stack>
          <Textarea
            label="Report"
            description="Plain text or HTML, up to 200,000 characters"
            required
            autosize
            minRows={10}
            maxRows={24}
            value={report.text}
            onChange={(event) => setReport({ ...report, text: event.currentTarget.value })}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Address of the report"
              placeholder="https://…"
              type="url"
              value={report.url ?? ""}
              onChange={(event) => setReport({ ...report, url: event.currentTarget.value || undefined })}
            />
            <TextInput
              label="Published on"
              description="YYYY, YYYY-MM or YYYY-MM-DD: relative dates are read against it"
              value={report.publishedOn ?? ""}
              onChange={(event) => setReport({ ...report, publishedOn: event.currentTarget.value || undefined })}
            />
            <Select
              label="Language"
              placeholder="Detect"
              clearable
              data={LANGUAGES}
              value={report.language ?? null}
              onChange={(language) => setReport({ ...report, language: language ?? undefined })}
            />
          </Group>
          {error && (
            <Alert color="red" title="The report was not read">
              {error}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={analyze.isPending}>
              Read the report
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function ReportReading({ report, analysis, canPublish, onBack }: { report: Report; analysis: Analysis; canPublish: boolean; onBack: () => void }) {
  const proposals = [analysis.proposal, ...analysis.otherEvents].filter((proposal): proposal is Proposal => proposal !== null);
  const [chosen, setChosen] = useState(0);
  const [editing, setEditing] = useState<RecordFormValues | null>(null);
  const text = analysis.text ?? report.text;
  const proposal = proposals[chosen];
  const values = proposal
    ? formValuesOfDraft(proposal.draft, Object.fromEntries(proposal.organizations.flatMap((org) => (org.id ? [[org.id, org.name]] : []))))
    : null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Add from a report</Title>
        <Button variant="default" onClick={onBack}>
          Read another report
        </Button>
      </Group>
      {!proposal && (
        <Alert color="yellow" title="No record proposed">
          {LANGUAGES.some((language) => language.value === analysis.language)
            ? "The report names no cooperation between an African state and a partner that could be proposed. Nothing was invented."
            : `The report seems to be in "${analysis.language}", a language this product does not read yet. Nothing was invented.`}
        </Alert>
      )}
      {proposals.length > 1 && !editing && (
        <SegmentedControl
          aria-label="Event of the report"
          value={String(chosen)}
          onChange={(value) => setChosen(Number(value))}
          data={proposals.map((other, index) => ({
            value: String(index),
            label: index === 0 ? `Main event: ${other.draft.title}` : `Also: ${other.draft.title}`,
          }))}
        />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <HighlightedReport text={text} values={values} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {editing ? (
            <RecordEditor recordId={null} canPublish={canPublish} proposed={editing} />
          ) : (
            values && (
              <Stack>
                <ProposedValuesChecklist key={chosen} values={values} onContinue={setEditing} />
                <MatchesPanel matches={analysis.matches} report={report} />
              </Stack>
            )
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The report with the words behind each proposed value marked in its field's colour. */
function HighlightedReport({ text, values }: { text: string; values: RecordFormValues | null }) {
  const spans = values ? highlightSpans(values) : [];
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    pieces.push(text.slice(at, span.start));
    const label = citedFieldLabel(span.field, values!);
    pieces.push(
      <mark
        key={span.start}
        data-field={span.field}
        title={label}
        style={{ background: FIELD_COLORS[span.field.split(".")[0]!] ?? FIELD_COLORS.sources, borderRadius: 3, padding: "0 2px" }}
      >
        {text.slice(span.start, span.end)}
        <VisuallyHidden> ({label})</VisuallyHidden>
      </mark>,
    );
    at = span.end;
  }
  pieces.push(text.slice(at));
  return (
    <Paper withBorder p="md" component="section" aria-label="The report">
      <Title order={3} size="h5" mb="xs">
        The report
      </Title>
      <Text component="div" size="sm" style={{ whiteSpace: "pre-wrap", maxHeight: "70vh", overflowY: "auto" }} data-testid="highlighted-report">
        {pieces}
      </Text>
    </Paper>
  );
}

/** Every proposed value with the words it comes from; unticked values are left out of the draft. */
function ProposedValuesChecklist({ values, onContinue }: { values: RecordFormValues; onContinue: (values: RecordFormValues) => void }) {
  const proposed = proposedValuesOf(values);
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const toggle = (item: ProposedValue) => {
    const next = new Set(dropped);
    if (next.has(item.id)) next.delete(item.id);
    else next.add(item.id);
    setDropped(next);
  };
  return (
    <Paper withBorder p="md" component="section" aria-label="Proposed values">
      <Title order={3} size="h5">
        Proposed record: {values.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Untick what the record should not say. Title, summary, kind and status are edited in the next step.
      </Text>
      <Stack gap="xs">
        {proposed.map((item) => (
          <Checkbox
            key={item.id}
            checked={!dropped.has(item.id)}
            disabled={!item.droppable}
            onChange={() => toggle(item)}
            label={
              <span>
                <Badge size="sm" variant="light" style={{ background: FIELD_COLORS[item.group] }} c="dark" mr={6}>
                  {item.label}
                </Badge>
                {item.value}
              </span>
            }
            description={item.quotes.length ? `“${item.quotes.join("” · “")}”` : "from the organisation registry"}
          />
        ))}
      </Stack>
      <Group mt="md">
        <Button onClick={() => onContinue(dropProposedValues(values, dropped))}>Continue in the editor</Button>
      </Group>
    </Paper>
  );
}

type AttachPreview = Extract<RouterOutputs["intake"]["attach"], { applied: false }>;

/** Stored records that may be this event; the report can become a source of one instead of a new record. */
function MatchesPanel({ matches, report }: { matches: Match[]; report: Report }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attach = useMutation(trpc.intake.attach.mutationOptions());
  const [attaching, setAttaching] = useState<{ match: Match; preview: AttachPreview } | null>(null);

  /** Asks what the report would change in the record as it stands now. */
  async function preview(match: Match) {
    try {
      const record = await queryClient.fetchQuery({ ...trpc.agreement.get.queryOptions({ id: match.id }), staleTime: 0 });
      const answer = await attach.mutateAsync({ id: match.id, expectedVersion: record.version, report });
      if (!answer.applied) setAttaching({ match, preview: answer });
    } catch (failure) {
      notifications.show({ color: "red", title: "Not added", message: apiFailure(failure).message });
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-label="Records that may be this event">
      <Title order={3} size="h5" mb="xs">
        Records that may be this event
      </Title>
      {matches.length === 0 && (
        <Text size="sm" c="dimmed">
          No stored record shares its parties and dates.
        </Text>
      )}
      <Stack gap="sm">
        {matches.map((match) => (
          <Paper key={match.id} withBorder p="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Anchor href={`/admin/records/${match.id}`} target="_blank">
                  {match.title}
                </Anchor>
                <Group gap={6}>
                  <Badge size="sm" color={STATE_COLORS[match.state] ?? "gray"}>
                    {enumLabel(match.state)}
                  </Badge>
                  {match.sameEvent && (
                    <Badge size="sm" color="green">
                      same event
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {Math.round(match.score * 100)} % in common: {match.reasons.join("; ")}
                  </Text>
                </Group>
              </Stack>
              <Button size="xs" variant="light" style={{ flexShrink: 0 }} loading={attach.isPending && !attaching} onClick={() => void preview(match)}>
                Add as a source to this record
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      {attaching && <AttachReportModal {...attaching} report={report} onClose={() => setAttaching(null)} />}
    </Paper>
  );
}

/** What the report would add to the record, each change accepted or not, then saved as one versioned edit. */
function AttachReportModal({ match, preview, report, onClose }: { match: Match; preview: AttachPreview; report: Report; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const attach = useMutation(trpc.intake.attach.mutationOptions());
  const [accepted, setAccepted] = useState<string[]>(preview.changes.map((change) => change.key));
  const [error, setError] = useState<string | null>(null);

  async function save() {
    try {
      await attach.mutateAsync({ id: match.id, expectedVersion: preview.version, report, accept: accepted });
      notifications.show({ color: "green", message: `The report is now a source of “${match.title}”` });
      router.push(`/admin/records/${match.id}`);
    } catch (failure) {
      setError(apiFailure(failure).message);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Add the report to “${match.title}”`} size="lg">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {preview.changes.length === 0 && <Text size="sm">The report states nothing the record lacks; it is added as a source.</Text>}
        {preview.changes.map((change) => (
          <Checkbox
            key={change.key}
            checked={accepted.includes(change.key)}
            onChange={(event) => setAccepted(event.currentTarget.checked ? [...accepted, change.key] : accepted.filter((key) => key !== change.key))}
            label={`${change.action === "add" ? "Add to" : "Set"} ${change.field}: ${describe(change.proposed)}${change.action === "set" && change.current != null ? ` (now ${describe(change.current)})` : ""}`}
            description={change.quotes.length ? `“${change.quotes.join("” · “")}”` : undefined}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()} loading={attach.isPending}>
            Add the source
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A proposed value in words: a party's state, a commitment's description, a date as written. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "object") return String(value);
  const item = value as Record<string, unknown>;
  return String(item.description ?? item.countryCode ?? item.organizationId ?? JSON.stringify(value));
}
