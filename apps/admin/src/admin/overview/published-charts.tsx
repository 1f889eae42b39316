"use client";
import { BarChart } from "@mantine/charts";
import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface FacetCount {
  value: string;
  count: number;
}

interface PublishedFacets {
  byCountry: FacetCount[];
  bySector: FacetCount[];
  byYear: FacetCount[];
  total: number;
}

/** `horizontal` puts long labels (sector names) beside the bars instead of under them. */
function FacetChart({ title, data, sortByValue = false, horizontal = false }: { title: string; data: FacetCount[]; sortByValue?: boolean; horizontal?: boolean }) {
  const rows = [...data].sort((a, b) => (sortByValue ? a.value.localeCompare(b.value) : b.count - a.count)).slice(0, 12);
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">No published records yet.</Text>
      ) : (
        <BarChart
          h={220}
          data={rows}
          dataKey="value"
          series={[{ name: "count", label: "Published records", color: "indigo.6" }]}
          orientation={horizontal ? "vertical" : "horizontal"}
          yAxisProps={horizontal ? { width: 170 } : undefined}
          tickLine={horizontal ? "x" : "y"}
          gridAxis={horizontal ? "x" : "y"}
          aria-label={`${title}: ${rows.map((row) => `${row.value} ${row.count}`).join(", ")}`}
        />
      )}
    </Card>
  );
}

/** The map, then published records by country, sector and year; Mantine's SVG charts follow the colour scheme. */
export function PublishedCharts({ published, map }: { published: PublishedFacets; map: ReactNode }) {
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        Published records ({published.total})
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {map}
        <FacetChart title="By African country" data={published.byCountry} />
        <FacetChart title="By sector" data={published.bySector} horizontal />
        <FacetChart title="By year" data={published.byYear} sortByValue />
      </SimpleGrid>
    </div>
  );
}
