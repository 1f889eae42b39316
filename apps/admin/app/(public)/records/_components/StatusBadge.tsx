import { enumLabel } from "@/records/format";
import styles from "../records.module.css";

/** Colour groups of the lifecycle: still open, in effect, finished, stopped. */
const TONE: Record<string, "open" | "active" | "done" | "stopped"> = {
  ANNOUNCED: "open",
  PROPOSED: "open",
  UNDER_NEGOTIATION: "open",
  SIGNED: "active",
  IN_FORCE: "active",
  IMPLEMENTING: "active",
  COMPLETED: "done",
  SUSPENDED: "stopped",
  CANCELLED: "stopped",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={styles.badge} data-tone={TONE[status] ?? "open"}>
      {enumLabel(status)}
    </span>
  );
}
