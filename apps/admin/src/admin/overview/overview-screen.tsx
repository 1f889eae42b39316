"use client";
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { RouterOutputs } from "@coop/core/trpc";
import Link from "next/link";
import type { ReactNode } from "react";
import { enumLabel, formatDateTime } from "../format";
import { PublishedCharts } from "./published-charts";

type Overview = RouterOutputs["dashboard"]["overview"];

const COUNTS = [
  { key: "draft", label: "Drafts", state: "DRAFT" },
  { key: "inReview", label: "In review", state: "IN_REVIEW" },
  { key: "published", label: "Published", state: "PUBLISHED" },
  { key: "archived", label: "Archived", state: "ARCHIVED" },
] as const;

/** The editors' start page: work by state, what waits for review, my submissions, activity and charts; `map` is drawn on the server. */
export function OverviewScreen({ overview, map }: { overview: Overview; map: ReactNode }) {
  return (
    <Stack gap="lg">
      <Title order={2}>Overview</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {COUNTS.map((count) => (
          <Card
            key={count.key}
            withBorder
            component={Link}
            href={`/admin/records?state=${count.state}`}
            aria-label={`${count.label}: ${overview.counts[count.key]}`}
          >
            <Text size="sm" c="dimmed">
              {count.label}
            </Text>
            <Text fz={28} fw={700}>
              {overview.counts[count.key]}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            Waiting for review
          </Title>
          {overview.awaitingReview.length === 0 ? <Text c="dimmed">Nothing is waiting for review.</Text> : null}
          <Stack gap={4}>
            {overview.awaitingReview.map((record) => (
              <Group key={record.id} justify="space-between" wrap="nowrap">
                <Anchor component={Link} href={`/admin/records/${record.id}`} lineClamp={1}>
                  {record.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDateTime(record.updatedAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={3} size="h5" mb="xs">
            My submissions
          </Title>
          {overview.mySubmissions.length === 0 ? <Text c="dimmed">You have no drafts or records in review.</Text> : null}
          <Stack gap="xs">
            {overview.mySubmissions.map((record) => (
              <div key={record.id}>
                <Group gap="xs" wrap="nowrap">
                  <Badge size="sm" variant="light">
                    {enumLabel(record.state)}
                  </Badge>
                  <Anchor component={Link} href={`/admin/records/${record.id}`} lineClamp={1}>
                    {record.title}
                  </Anchor>
                </Group>
                {record.latestComment ? (
                  <Text size="sm" c="dimmed">
                    {record.latestComment.authorLabel}: “{record.latestComment.body}”
                  </Text>
                ) : null}
              </div>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <PublishedCharts published={overview.published} map={map} />
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">
          Recent activity
        </Title>
        <Table.ScrollContainer minWidth={500}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Record</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.recentActivity.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actor}</Table.Td>
                  <Table.Td>{entry.action}</Table.Td>
                  <Table.Td>
                    {entry.recordId ? (
                      <Anchor component={Link} href={`/admin/records/${entry.recordId}`}>
                        {entry.recordTitle ?? entry.recordId}
                      </Anchor>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
