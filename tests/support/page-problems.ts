import type { Page } from "playwright-core";

/**
 * Collects, in words, everything a reader would see as broken in a page: console errors,
 * uncaught exceptions, failed requests and error responses. A test that provokes one on
 * purpose (a wrong password, an API that is down) names it in `expected`.
 */
export class PageProblems {
  readonly found: string[] = [];

  watch(page: Page, expected: RegExp[] = []): Page {
    const note = (problem: string) => {
      if (!expected.some((pattern) => pattern.test(problem))) this.found.push(problem);
    };
    page.on("pageerror", (error) => note(`uncaught error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") note(`console error on ${page.url()}: ${message.text()}`);
    });
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "failed";
      // The browser abandons prefetches and superseded navigations on purpose.
      if (reason !== "net::ERR_ABORTED") note(`request failed: ${request.method()} ${request.url()} (${reason})`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) note(`${response.status()} for ${response.request().method()} ${response.url()}`);
    });
    return page;
  }

  /** What was found since the last call, and a clean slate for the next test. */
  take(): string[] {
    return this.found.splice(0);
  }
}
