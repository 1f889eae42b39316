import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type CoopErrorDetail, CoopFeed, type CoopLoadDetail } from "./coop-feed";
import { API, feedItem, feedResponse, hangUntilAborted, mountFeed, nextEvent, shadow, sleep, stubFetch } from "./test-fixtures";

beforeEach(() => {
  document.documentElement.lang = "en";
});
afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const items = [
  feedItem(),
  feedItem({
    slug: "congo-russia-digital-ai-cybersecurity-talks-2025",
    title: "Congo and Russia hold talks on digital, AI and cybersecurity",
    status: "UNDER_NEGOTIATION",
    date: { date: "2025-03-12", precision: "DAY" },
    countries: ["CG"],
    publisher: null,
  }),
  feedItem({ slug: "undated-record", title: "A record with no known date", date: { date: null, precision: "UNKNOWN" }, partners: [] }),
];

describe("<coop-feed> rendering", () => {
  it("shows each record as a link to its page with countries, status, date and source", async () => {
    const calls = stubFetch(() => feedResponse(items));
    const element = mountFeed({ api: API, country: "zw, cg", partner: "RU", limit: "3" });
    await nextEvent(element, "coop-load");

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url.startsWith(`${API}api/trpc/feed.latest?input=`)).toBe(true);
    expect(calls[0]!.input).toEqual({ country: ["ZW", "CG"], partner: ["RU"], limit: 3, lang: "en" });
    expect(calls[0]!.init.credentials).toBe("omit");

    const list = shadow(element).querySelector("ul[part=list]")!;
    expect(list.getAttribute("aria-label")).toBe("Latest cooperation records");
    const rows = [...list.querySelectorAll("li")];
    expect(rows).toHaveLength(3);

    const link = rows[0]!.querySelector("a")!;
    expect(link.href).toBe(`${API}records/zimbabwe-cyberzim-consortium-cybersecurity-mou-2025`);
    expect(link.textContent).toBe("Zimbabwe ICT ministry and the CyberZim Consortium sign cybersecurity MOU");
    expect(rows[0]!.querySelector("[part=countries]")!.textContent).toBe("Zimbabwe – Russia");
    expect(rows[0]!.querySelector("[part=status]")!.textContent).toBe("Signed");
    const time = rows[0]!.querySelector("time")!;
    expect(time.getAttribute("datetime")).toBe("2025-10");
    expect(time.textContent).toBe("October 2025");
    expect(rows[0]!.querySelector("[part=publisher]")!.textContent).toBe("The Herald");

    expect(rows[1]!.querySelector("[part=status]")!.textContent).toBe("Under negotiation");
    expect(rows[1]!.querySelector("time")!.getAttribute("datetime")).toBe("2025-03-12");
    expect(rows[1]!.querySelector("[part=publisher]")).toBeNull();
    expect(rows[2]!.querySelector("time")).toBeNull();
    expect(rows[2]!.querySelector("[part=date]")!.textContent).toBe("date unknown");
    expect(rows[2]!.querySelector("[part=countries]")!.textContent).toBe("Zimbabwe");
  });

  it("keeps the light-DOM fallback visible until the data arrives, in a box of the final height", async () => {
    for (const layout of ["list", "compact", "cards"]) {
      let respond: (response: Response) => void = () => {};
      const calls = stubFetch(() => new Promise<Response>((resolve) => (respond = resolve)));
      const element = mountFeed({ api: API, limit: "3", layout }, `<a id="fallback" href="${API}records">Latest records</a>`);
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      const fallback = element.querySelector("#fallback")!;
      expect(fallback.getClientRects().length, layout).toBeGreaterThan(0);
      const reserved = element.getBoundingClientRect().height;

      const loaded = nextEvent(element, "coop-load");
      respond(feedResponse(items));
      await loaded;
      expect(fallback.getClientRects().length, layout).toBe(0);
      expect(element.getBoundingClientRect().height, layout).toBeCloseTo(reserved, 1);
      element.remove();
    }
  });

  it("shows a quiet message when no record matches", async () => {
    stubFetch(() => feedResponse([]));
    const element = mountFeed({ api: API });
    await nextEvent(element, "coop-load");
    expect(shadow(element).querySelector("[part=empty]")!.textContent).toBe("No records yet.");
  });

  it("speaks the language of the lang attribute, else of the host page", async () => {
    const calls = stubFetch((call) => feedResponse(items, call));
    const french = mountFeed({ api: API, lang: "fr" });
    await nextEvent(french, "coop-load");
    expect(calls[0]!.input.lang).toBe("fr");
    const root = shadow(french);
    expect(root.querySelector("ul")!.getAttribute("aria-label")).toBe("Dernières fiches de coopération");
    expect(root.querySelector("[part=status]")!.textContent).toBe("Signé");
    expect(root.querySelector("time")!.textContent).toBe("octobre 2025");
    expect(root.querySelector("[part=countries]")!.textContent).toBe("Zimbabwe – Russie");
    expect(root.querySelectorAll("[part=date]")[2]!.textContent).toBe("date inconnue");

    document.documentElement.lang = "pt-BR";
    const portuguese = mountFeed({ api: API });
    await nextEvent(portuguese, "coop-load");
    expect(calls[1]!.input.lang).toBe("pt");
    expect(shadow(portuguese).querySelector("[part=status]")!.textContent).toBe("Assinado");
  });

  it("sends events that bubble out of the shadow root to the host page", async () => {
    stubFetch(() => feedResponse(items));
    const heard = nextEvent<CoopLoadDetail>(document, "coop-load");
    mountFeed({ api: API });
    const event = await heard;
    expect(event.bubbles && event.composed).toBe(true);
    expect(event.detail.items.map((item) => item.slug)).toEqual(items.map((item) => item.slug));
  });
});

describe("<coop-feed> attributes", () => {
  it("falls back to the default of each invalid value with one warning each", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const calls = stubFetch(() => feedResponse(items));
    const element = mountFeed({
      api: "javascript:alert(1)",
      country: "ZZ,zw",
      partner: "XX",
      sector: "Bad Slug!",
      status: "WON",
      limit: "abc",
      lang: "xx",
      theme: "neon",
      layout: "grid",
    });
    await nextEvent(element, "coop-load");
    expect(calls[0]!.url.startsWith(`${location.origin}/api/trpc/feed.latest`)).toBe(true);
    expect(calls[0]!.input).toEqual({ country: ["ZW"], limit: 5, lang: "en" });
    const base = shadow(element).querySelector("[part=base]")!;
    expect(base.className).toBe("base auto list");
    expect(shadow(element).querySelector("a")!.href).toBe(`${location.origin}/records/${items[0]!.slug}`);

    const warnings = warn.mock.calls.map(([message]) => String(message));
    for (const [name, value] of [
      ["api", "javascript:alert(1)"],
      ["country", "ZZ"],
      ["partner", "XX"],
      ["sector", "Bad Slug!"],
      ["status", "WON"],
      ["limit", "abc"],
      ["lang", "xx"],
      ["theme", "neon"],
      ["layout", "grid"],
    ]) {
      expect(
        warnings.filter((message) => message === `<coop-feed>: ignoring invalid ${name}="${value}".`),
        name,
      ).toHaveLength(1);
    }
    expect(warnings).toHaveLength(9);
  });

  it("accepts limits 1 to 20 only", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const calls = stubFetch(() => feedResponse([]));
    for (const [limit, sent] of [
      ["1", 1],
      ["20", 20],
      [" 7 ", 7],
      ["0", 5],
      ["21", 5],
      ["2.5", 5],
      ["-3", 5],
      ["", 5],
    ] as const) {
      const element = mountFeed({ api: API, limit });
      await nextEvent(element, "coop-load");
      expect(calls.at(-1)!.input.limit, `limit="${limit}"`).toBe(sent);
      element.remove();
    }
  });

  it("re-fetches once after a burst of attribute changes, aborting the request in flight", async () => {
    const calls = stubFetch((call) => (call.input.lang === "ru" ? feedResponse(items, call) : hangUntilAborted(call)));
    const element = mountFeed({ api: API });
    await vi.waitFor(() => expect(calls).toHaveLength(1));

    element.setAttribute("lang", "ru");
    element.setAttribute("limit", "2");
    element.limit = 3;
    const loaded = nextEvent(element, "coop-load");
    await loaded;
    expect(calls).toHaveLength(2);
    expect(calls[0]!.init.signal!.aborted).toBe(true);
    expect(calls[1]!.input).toEqual({ limit: 3, lang: "ru" });
    expect(shadow(element).querySelector("[part=status]")!.textContent).toBe("Подписано");
  });

  it("changes look without a request when only theme or layout change", async () => {
    const calls = stubFetch(() => feedResponse(items));
    const element = mountFeed({ api: API, theme: "light" });
    await nextEvent(element, "coop-load");
    const base = shadow(element).querySelector<HTMLElement>("[part=base]")!;
    expect(getComputedStyle(base).backgroundColor).toBe("rgb(255, 255, 255)");

    element.setAttribute("theme", "dark");
    element.setAttribute("layout", "compact");
    await element.updateComplete;
    expect(getComputedStyle(base).backgroundColor).toBe("rgb(13, 17, 23)");
    expect(getComputedStyle(shadow(element).querySelector("li")!).height).toMatch(/px$/);
    expect(getComputedStyle(shadow(element).querySelector("[part=countries]")!).display).toBe("none");
    await sleep(200);
    expect(calls).toHaveLength(1);

    element.style.setProperty("--coop-background", "rgb(1, 2, 3)");
    expect(getComputedStyle(base).backgroundColor).toBe("rgb(1, 2, 3)");
  });
});

describe("<coop-feed> properties", () => {
  it("takes properties a framework set before the script defined the element", async () => {
    const calls = stubFetch(() => feedResponse(items));
    // A tag name not yet defined stands in for <coop-feed> on a page whose script arrives late.
    const early = document.createElement("coop-feed-late") as CoopFeed;
    Object.assign(early, { api: API, limit: 2, country: ["zw"], language: "pt" });
    document.body.append(early);
    customElements.define("coop-feed-late", class extends CoopFeed {});
    await nextEvent(early, "coop-load");
    expect(calls[0]!.input).toEqual({ country: ["ZW"], limit: 2, lang: "pt" });
    expect(shadow(early).querySelectorAll("li")).toHaveLength(3);
    // ...and they stay live: a later change fetches again.
    early.limit = 1;
    await vi.waitFor(() => expect(calls.at(-1)!.input.limit).toBe(1));
  });

  it("renders a property change once the update completes, and a removed attribute restores the default", async () => {
    const calls = stubFetch((call) => feedResponse(items, call));
    const element = mountFeed({ api: API, layout: "cards" });
    await nextEvent(element, "coop-load");
    element.layout = "compact";
    await element.updateComplete;
    expect(shadow(element).querySelector("[part=base]")!.classList.contains("compact")).toBe(true);
    element.removeAttribute("layout");
    await element.updateComplete;
    expect(shadow(element).querySelector("[part=base]")!.classList.contains("list")).toBe(true);
    expect(calls).toHaveLength(1);
  });
});

describe("<coop-feed> loading", () => {
  it("waits until it is scrolled into view before fetching", async () => {
    const calls = stubFetch(() => feedResponse(items));
    // A scrolling box clips the element as the viewport would (the 200px margin is checked end to end).
    const scroller = document.createElement("div");
    scroller.style.cssText = "height: 200px; overflow: auto";
    scroller.innerHTML = '<div style="height: 4000px"></div>';
    document.body.append(scroller);
    const element = mountFeed({ api: API }, "", scroller);
    await sleep(300);
    expect(calls).toHaveLength(0);

    const loaded = nextEvent(element, "coop-load");
    scroller.scrollTop = element.offsetTop;
    await loaded;
    expect(calls).toHaveLength(1);
  });

  it("shows a translated error with the fallback and retries on request", async () => {
    let fail = true;
    const calls = stubFetch(() =>
      fail
        ? Response.json({ error: { message: "Database unavailable", data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 } } }, { status: 500 })
        : feedResponse(items),
    );
    const element = mountFeed({ api: API, lang: "fr" }, "<p id=fallback>Voir les fiches</p>");
    const failed = await nextEvent<CoopErrorDetail>(element, "coop-error");
    expect(failed.detail.message).toBe("Database unavailable");
    const error = shadow(element).querySelector("[part=error]")!;
    expect(error.getAttribute("role")).toBe("status");
    expect(error.textContent).toContain("Les fiches n’ont pas pu être chargées.");
    expect(element.querySelector("#fallback")!.getClientRects().length).toBeGreaterThan(0);

    fail = false;
    const loaded = nextEvent(element, "coop-load");
    shadow(element).querySelector<HTMLButtonElement>("button[part=retry]")!.click();
    await loaded;
    expect(calls).toHaveLength(2);
    expect(shadow(element).querySelectorAll("li")).toHaveLength(3);
  });

  it("reports network failures, non-JSON answers and malformed items without throwing", async () => {
    const failures: [() => Response | Promise<Response>, string][] = [
      [() => Promise.reject(new TypeError("Failed to fetch")), "Failed to fetch"],
      [() => new Response("Service Unavailable", { status: 503 }), "HTTP 503"],
      [() => new Response("<html>not json</html>"), "Unexpected response."],
    ];
    for (const [answer, message] of failures) {
      stubFetch(answer);
      const element = mountFeed({ api: API });
      expect((await nextEvent<CoopErrorDetail>(element, "coop-error")).detail.message).toBe(message);
      element.remove();
    }

    const { status: _status, ...noStatus } = feedItem();
    stubFetch(() =>
      feedResponse([null, 42, "x", { ...feedItem(), title: 1 }, { ...feedItem(), countries: "ZW" }, { ...feedItem(), date: null }, noStatus, feedItem()]),
    );
    const malformed = mountFeed({ api: API });
    await nextEvent(malformed, "coop-load");
    expect(shadow(malformed).querySelectorAll("li")).toHaveLength(1);
  });

  it("gives up after 5 seconds without an answer", { timeout: 10_000 }, async () => {
    const calls = stubFetch(hangUntilAborted);
    const element = mountFeed({ api: API });
    const started = performance.now();
    const failed = await nextEvent<CoopErrorDetail>(element, "coop-error");
    expect(performance.now() - started).toBeGreaterThanOrEqual(4900);
    expect(failed.detail.message).toBe("No answer within 5 s.");
    expect(calls[0]!.init.signal!.aborted).toBe(true);
    expect(shadow(element).querySelector("[part=retry]")).not.toBeNull();
  });

  it("aborts its request when removed from the page, and fetches again when put back", async () => {
    const calls = stubFetch((call) => (calls.length === 1 ? hangUntilAborted(call) : feedResponse(items)));
    const element = mountFeed({ api: API });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    element.remove();
    expect(calls[0]!.init.signal!.aborted).toBe(true);

    const loaded = nextEvent(element, "coop-load");
    document.body.append(element);
    await loaded;
    expect(calls).toHaveLength(2);
  });
});
