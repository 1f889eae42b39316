"use client";
import { Card, Text, Timeline, Title } from "@mantine/core";
import { enumLabel, partialDateText } from "../format";
import type { StoredRecord } from "./record-form-model";

/** A record's lifecycle history, oldest first, with the latest entry marked. */
export function StatusTimelineCard({ events }: { events: StoredRecord["statusEvents"] }) {
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">
        Status timeline
      </Title>
      <Timeline bulletSize={12} lineWidth={2} active={events.length - 1}>
        {events.map((event) => (
          <Timeline.Item key={event.id} title={enumLabel(event.status)}>
            <Text size="xs" c="dimmed">
              {partialDateText(event.occurredOn, event.precision) || "date unknown"}
              {event.note ? ` · ${event.note}` : ""}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
