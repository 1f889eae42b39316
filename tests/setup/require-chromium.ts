import { resolveChromium } from "@coop/browser";

/** Fails the browser project up front, with the fix, when no Chromium can be found. */
export default async function setup(): Promise<void> {
  await resolveChromium();
}
