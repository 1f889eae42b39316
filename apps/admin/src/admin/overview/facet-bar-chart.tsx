"use client";
import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";

export interface FacetCount {
  value: string;
  count: number;
}

/** `horizontal` puts long labels (sector names) beside the bars instead of under them. */
export default function FacetBarChart({ rows, label, height, horizontal }: { rows: FacetCount[]; label: string; height: number; horizontal: boolean }) {
  return (
    <BarChart
      h={height}
      data={rows}
      dataKey="value"
      series={[{ name: "count", label: "Published records", color: "indigo.6" }]}
      orientation={horizontal ? "vertical" : "horizontal"}
      yAxisProps={horizontal ? { width: 170 } : undefined}
      tickLine={horizontal ? "x" : "y"}
      gridAxis={horizontal ? "x" : "y"}
      aria-label={label}
    />
  );
}
