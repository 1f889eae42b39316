"use client";
import { Alert, Anchor, Badge, Button, FileInput, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconDownload, IconFileImport } from "@tabler/icons-react";
import type { RouterOutputs } from "@coop/core/trpc";
import Link from "next/link";
import { Fragment, useState } from "react";
import { apiFailure } from "../api-errors";
import { FieldDiffTable } from "../review/field-diff-table";
import { useTRPCClient } from "../trpc";

type ImportResult = RouterOutputs["import"]["run"];
type ImportRow = ImportResult["rows"][number];
type ImportFile = { name: string; format: "csv" | "json"; content: string };

const OUTCOMES: Record<ImportRow["outcome"], { color: string; label: string }> = {
  created: { color: "green", label: "new draft" },
  updated: { color: "blue", label: "draft updated" },
  proposed: { color: "violet", label: "awaits review" },
  unchanged: { color: "gray", label: "unchanged" },
  "duplicate-suspect": { color: "yellow", label: "possible duplicate" },
  error: { color: "red", label: "error" },
};

/** A CSV cell with quotes doubled; a leading formula character is neutralised for spreadsheets. */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

function errorReportCsv(result: ImportResult): string {
  const lines = [["row", "title", "column", "message"].map(csvCell).join(",")];
  for (const row of result.rows)
    for (const error of row.errors ?? []) lines.push([row.row, row.title ?? "", error.column, error.message].map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function downloadErrorReport(result: ImportResult, fileName: string) {
  const url = URL.createObjectURL(new Blob([errorReportCsv(result)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileName.replace(/\.[^.]+$/, "")}-errors.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Upload a CSV or JSON file, check it with a dry run (per-row outcome and errors), then import it with progress. */
export function ImportScreen() {
  const client = useTRPCClient();
  const [file, setFile] = useState<ImportFile | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  async function choose(chosen: File | null) {
    setResult(null);
    setError(null);
    setFile(chosen ? { name: chosen.name, format: chosen.name.toLowerCase().endsWith(".json") ? "json" : "csv", content: await chosen.text() } : null);
  }

  async function dryRun() {
    if (!file) return;
    setChecking(true);
    setError(null);
    try {
      setResult(await client.import.run.mutate({ format: file.format, content: file.content, dryRun: true }));
    } catch (failure) {
      setError(apiFailure(failure).message);
    }
    setChecking(false);
  }

  async function runImport() {
    if (!file) return;
    setProgress(0);
    setError(null);
    try {
      const stream = await client.import.stream.mutate({ format: file.format, content: file.content, dryRun: false });
      for await (const event of stream) {
        if (event.kind === "progress") setProgress(event.processed);
        else setResult(event.result);
      }
    } catch (failure) {
      setError(apiFailure(failure).message);
    }
    setProgress(null);
  }

  const total = result?.total ?? 0;
  return (
    <Stack>
      <Title order={2}>Import</Title>
      <Text size="sm" c="dimmed">
        One row per agreement, UTF-8. Columns as in the API documentation: title, kind and status are required; lists are separated by “;”.
      </Text>
      <FileInput
        label="CSV or JSON file"
        accept=".csv,.json,text/csv,application/json"
        leftSection={<IconFileImport size={16} />}
        onChange={(chosen) => void choose(chosen)}
        clearable
      />
      <Group gap="xs">
        <Button disabled={!file} loading={checking} onClick={() => void dryRun()}>
          Check (dry run)
        </Button>
        <Button
          color="green"
          disabled={!file || !result?.dryRun || result.errors === result.total}
          loading={progress !== null}
          onClick={() => void runImport()}
        >
          Import {result?.dryRun ? `${total - result.errors} rows` : ""}
        </Button>
        {result && result.errors > 0 && file ? (
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => downloadErrorReport(result, file.name)}>
            Download error report
          </Button>
        ) : null}
      </Group>
      {progress !== null ? <Progress value={total ? (progress / total) * 100 : 100} animated aria-label={`Imported ${progress} of ${total} rows`} /> : null}
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {result ? (
        <>
          <Alert
            color={result.dryRun ? "blue" : "green"}
            title={result.dryRun ? "Dry run: nothing was written" : "Import finished"}
            data-testid="import-summary"
          >
            <SimpleGrid cols={{ base: 2, sm: 7 }}>
              <Text size="sm">{result.total} rows</Text>
              <Text size="sm">{result.created} created</Text>
              <Text size="sm">{result.updated} drafts updated</Text>
              <Text size="sm">{result.proposed} await review</Text>
              <Text size="sm">{result.unchanged} unchanged</Text>
              <Text size="sm">{result.duplicateSuspects} possible duplicates</Text>
              <Text size="sm">{result.errors} errors</Text>
            </SimpleGrid>
            {result.proposed > 0 ? (
              <Text size="sm" mt="xs">
                Changes to records that are not drafts never reach readers on their own: {result.dryRun ? "after the import they" : "they"} wait for an editor
                under{" "}
                <Anchor component={Link} href="/admin/review">
                  Review
                </Anchor>
                .
              </Text>
            ) : null}
          </Alert>
          <ImportRowsTable rows={result.rows} />
        </>
      ) : null}
    </Stack>
  );
}

/** Each row's outcome; rows that change a record open to show the change field by field. */
function ImportRowsTable({ rows }: { rows: ImportRow[] }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggle = (row: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(row)) next.add(row);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label="Rows of the file">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Row</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th miw={190}>Outcome</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const detailsId = `import-row-${row.row}-changes`;
            const expanded = open.has(row.row);
            return (
              <Fragment key={row.row}>
                <Table.Tr>
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td>
                    {row.id ? (
                      <Anchor component={Link} href={`/admin/records/${row.id}`}>
                        {row.title}
                      </Anchor>
                    ) : (
                      row.title
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={OUTCOMES[row.outcome].color} variant="light">
                      {OUTCOMES[row.outcome].label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {(row.errors ?? []).map((problem) => `${problem.column}: ${problem.message}`).join("; ")}
                    {(row.duplicates ?? []).map((duplicate, index) => (
                      <Text key={duplicate.id} size="sm" span>
                        {index ? "; " : ""}looks like{" "}
                        <Anchor component={Link} href={`/admin/records/${duplicate.id}`}>
                          {duplicate.title}
                        </Anchor>{" "}
                        ({duplicate.reasons.join(", ")})
                      </Text>
                    ))}
                    {row.changes?.length ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        leftSection={expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                        aria-expanded={expanded}
                        aria-controls={detailsId}
                        onClick={() => toggle(row.row)}
                      >
                        {expanded ? "Hide" : "Show"} the {row.changes.length === 1 ? "change" : `${row.changes.length} changes`}:{" "}
                        {row.changes.map((change) => change.field).join(", ")}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
                {expanded && row.changes ? (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={4}>
                      <FieldDiffTable
                        changes={row.changes}
                        caption={`Changes row ${row.row} makes to ${row.title ?? "the record"}`}
                        afterLabel={row.outcome === "proposed" ? "Proposed" : "After import"}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
