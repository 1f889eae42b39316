"use client";
import { Alert, Badge, Button, FileInput, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconFileImport } from "@tabler/icons-react";
import type { RouterOutputs } from "@coop/core/trpc";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { useTRPCClient } from "../trpc";

type ImportResult = RouterOutputs["import"]["run"];
type ImportFile = { name: string; format: "csv" | "json"; content: string };

const OUTCOME_COLORS: Record<string, string> = { created: "green", updated: "blue", unchanged: "gray", "duplicate-suspect": "yellow", error: "red" };

/** A CSV cell with quotes doubled; a leading formula character is neutralised for spreadsheets. */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

function errorReportCsv(result: ImportResult): string {
  const lines = [["row", "title", "column", "message"].map(csvCell).join(",")];
  for (const row of result.rows) for (const error of row.errors ?? []) lines.push([row.row, row.title ?? "", error.column, error.message].map(csvCell).join(","));
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
      <FileInput label="CSV or JSON file" accept=".csv,.json,text/csv,application/json" leftSection={<IconFileImport size={16} />} onChange={(chosen) => void choose(chosen)} clearable />
      <Group gap="xs">
        <Button disabled={!file} loading={checking} onClick={() => void dryRun()}>
          Check (dry run)
        </Button>
        <Button color="green" disabled={!file || !result?.dryRun || result.errors === result.total} loading={progress !== null} onClick={() => void runImport()}>
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
          <Alert color={result.dryRun ? "blue" : "green"} title={result.dryRun ? "Dry run: nothing was written" : "Import finished"} data-testid="import-summary">
            <SimpleGrid cols={{ base: 2, sm: 6 }}>
              <Text size="sm">{result.total} rows</Text>
              <Text size="sm">{result.created} created</Text>
              <Text size="sm">{result.updated} updated</Text>
              <Text size="sm">{result.unchanged} unchanged</Text>
              <Text size="sm">{result.duplicateSuspects} possible duplicates</Text>
              <Text size="sm">{result.errors} errors</Text>
            </SimpleGrid>
          </Alert>
          <Table.ScrollContainer minWidth={560}>
            <Table striped aria-label="Rows of the file">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>Row</Table.Th>
                  <Table.Th>Title</Table.Th>
                  <Table.Th miw={150}>Outcome</Table.Th>
                  <Table.Th>Problems</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rows.map((row) => (
                  <Table.Tr key={row.row}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>{row.title}</Table.Td>
                    <Table.Td>
                      <Badge color={OUTCOME_COLORS[row.outcome]} variant="light">
                        {row.outcome}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {(row.errors ?? []).map((problem) => `${problem.column}: ${problem.message}`).join("; ")}
                      {(row.duplicates ?? []).map((duplicate) => `looks like “${duplicate.title}”`).join("; ")}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
