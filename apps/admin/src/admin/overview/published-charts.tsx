"use client";
import { BarChart } from "@mantine/charts";
import { Card, SimpleGrid, Text, Title } from "@mantine/core";

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

function FacetChart({ title, data, sortByValue = false }: { title: string; data: FacetCount[]; sortByValue?: boolean }) {
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
          tickLine="y"
          gridAxis="y"
          aria-label={`${title}: ${rows.map((row) => `${row.value} ${row.count}`).join(", ")}`}
        />
      )}
    </Card>
  );
}

/** Published records by country, sector and year; Mantine's SVG charts follow the colour scheme. */
export function PublishedCharts({ published }: { published: PublishedFacets }) {
  return (
    <div>
      <Title order={3} size="h4" mb="xs">
        Published records ({published.total})
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <FacetChart title="By African country" data={published.byCountry} />
        <FacetChart title="By sector" data={published.bySector} />
        <FacetChart title="By year" data={published.byYear} sortByValue />
      </SimpleGrid>
    </div>
  );
}
