import { requireChromium } from "../support/chromium";

/** Fails the browser project up front, with the fix, when Chromium is missing. */
export default function setup(): void {
  requireChromium();
}
