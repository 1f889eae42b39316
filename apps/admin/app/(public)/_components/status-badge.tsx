import type { LocaleKit } from "@/public-site/locale";
import styles from "../public.module.css";

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

export function StatusBadge({ status, kit }: { status: keyof LocaleKit["m"]["status"]; kit: LocaleKit }) {
  return (
    <span className={styles.badge} data-tone={TONE[status] ?? "open"}>
      {kit.m.status[status]}
    </span>
  );
}

/** A marker on records the editors could not verify; nothing for the others. */
export function UnverifiedMark({ confidence, kit }: { confidence: string; kit: LocaleKit }) {
  if (confidence !== "UNVERIFIED") return null;
  return (
    <span className={styles.badge} data-tone="unverified">
      {kit.m.confidence.UNVERIFIED}
    </span>
  );
}
