"use client";
import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { lazy, type ReactNode, Suspense } from "react";
import type { FacetCount } from "./facet-bar-chart";
import { RenderNearViewport } from "./render-near-viewport";

// The chart library is the heaviest script of the dashboard: it loads only when a chart scrolls near.
const FacetBarChart = lazy(() => import("./facet-bar-chart"));
const CHART_HEIGHT = 220;

interface PublishedFacets {
  byCountry: FacetCount[];
  bySector: FacetCount[];
  byYear: FacetCount[];
  total: number;
}

function FacetChart({
  title,
  data,
  sortByValue = false,
  horizontal = false,
}: {
  title: string;
  data: FacetCount[];
  sortByValue?: boolean;
  horizontal?: boolean;
}) {
  const rows = [...data].sort((a, b) => (sortByValue ? a.value.localeCompare(b.value) : b.count - a.count)).slice(0, 12);
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">No published records yet.</Text>
      ) : (
        <RenderNearViewport height={CHART_HEIGHT}>
          <Suspense>
            <FacetBarChart
              rows={rows}
              height={CHART_HEIGHT}
              horizontal={horizontal}
              label={`${title}: ${rows.map((row) => `${row.value} ${row.count}`).join(", ")}`}
            />
          </Suspense>
        </RenderNearViewport>
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
