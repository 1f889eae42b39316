import { Card, Group, Text, Title } from "@mantine/core";
import type { AfricaMapData } from "@/maps/africa-map-shapes";
import { AfricaMapSvg, describeCounts } from "@/maps/africa-map-svg";

const COLOURS = {
  empty: "var(--mantine-color-default-border)",
  strong: "var(--mantine-primary-color-filled)",
  base: "var(--mantine-color-body)",
  border: "var(--mantine-color-dimmed)",
};

/** Africa shaded by the number of published records per country; every shape names its country and count. */
export function AfricaMap({ map, counts, countryNames }: { map: AfricaMapData; counts: Record<string, number>; countryNames: Record<string, string> }) {
  const described = describeCounts(counts, countryNames);
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
      <AfricaMapSvg
        map={map}
        counts={counts}
        countryNames={countryNames}
        colours={COLOURS}
        label={`Map of Africa. ${described || "No published records yet."}`}
        style={{ width: "100%", maxHeight: 420 }}
      />
    </Card>
  );
}
