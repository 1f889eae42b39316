import { Card, Group, Text, Title } from "@mantine/core";
import type { AfricaMapData } from "./africa-map-shapes";

/** Fill for a count: the theme's primary colour, stronger with more records; readable in both schemes. */
function shade(count: number, max: number): string {
  if (!count) return "var(--mantine-color-default-border)";
  const strength = 25 + Math.round((count / max) * 75);
  return `color-mix(in srgb, var(--mantine-primary-color-filled) ${strength}%, var(--mantine-color-body))`;
}

/** Africa shaded by the number of published records per country; every shape names its country and count. */
export function AfricaMap({ map, counts, countryNames }: { map: AfricaMapData; counts: Record<string, number>; countryNames: Record<string, string> }) {
  const max = Math.max(1, ...Object.values(counts));
  const label = (code: string) => `${countryNames[code] ?? code}: ${counts[code] ?? 0}`;
  const described = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${countryNames[code] ?? code} ${count}`)
    .join(", ");
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Map
        </Title>
        <Text size="xs" c="dimmed">
          stronger colour: more records
        </Text>
      </Group>
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={`Map of Africa. ${described || "No published records yet."}`} style={{ width: "100%", maxHeight: 420 }}>
        {map.shapes.map((shape) =>
          "path" in shape ? (
            <path key={shape.code} d={shape.path} fill={shade(counts[shape.code] ?? 0, max)} stroke="var(--mantine-color-body)" strokeWidth={0.75}>
              <title>{label(shape.code)}</title>
            </path>
          ) : (
            <circle key={shape.code} cx={shape.dot[0]} cy={shape.dot[1]} r={3.5} fill={shade(counts[shape.code] ?? 0, max)} stroke="var(--mantine-color-dimmed)" strokeWidth={0.5}>
              <title>{label(shape.code)}</title>
            </circle>
          ),
        )}
      </svg>
    </Card>
  );
}
