import type { FeedItem } from "@coop/core/domain";
import { vi } from "vitest";
import type { CoopFeed } from "./coop-feed";
import "./coop-feed";

export const API = "https://coop.example/";

/** A `feed.latest` item as the API sends it. */
export function feedItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    slug: "zimbabwe-cyberzim-consortium-cybersecurity-mou-2025",
    path: "/records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025",
    lang: "en",
    title: "Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU",
    kind: "MOU",
    status: "SIGNED",
    confidence: "REPORTED",
    date: { date: "2025-10-01", precision: "MONTH" },
    countries: ["ZW"],
    partners: ["RU"],
    sectors: ["cybersecurity"],
    publisher: "The Herald",
    publishedAt: "2025-10-20T00:00:00.000Z",
    ...overrides,
  };
}

export function feedResponse(items: unknown[]): Response {
  return Response.json({ result: { data: { items } } });
}

export interface FetchCall {
  url: string;
  init: RequestInit;
  /** The decoded `input` query parameter. */
  input: Record<string, unknown>;
}

/** Replaces `fetch` for the element; `answer` decides each response. */
export function stubFetch(answer: (call: FetchCall) => Response | Promise<Response>): FetchCall[] {
  const calls: FetchCall[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    const call = { url, init, input: JSON.parse(new URL(url).searchParams.get("input") ?? "{}") as Record<string, unknown> };
    calls.push(call);
    return answer(call);
  });
  return calls;
}

/** A fetch answer that waits until the request is aborted, then rejects as fetch does. */
export function hangUntilAborted(call: FetchCall): Promise<Response> {
  return new Promise((_, reject) => {
    const signal = call.init.signal!;
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** Adds a `<coop-feed>` with these attributes and light-DOM children to the page. */
export function mountFeed(attributes: Record<string, string>, children = "", parent: HTMLElement = document.body): CoopFeed {
  const element = document.createElement("coop-feed");
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.innerHTML = children;
  parent.append(element);
  return element;
}

export function nextEvent<T>(target: EventTarget, type: "coop-load" | "coop-error"): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

export function shadow(element: CoopFeed): ShadowRoot {
  return element.shadowRoot!;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
