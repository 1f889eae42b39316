import { afterEach, expect, it, vi } from "vitest";
import { API, feedItem, feedResponse, mountFeed, nextEvent, shadow, sleep, stubFetch } from "./test-fixtures";

declare global {
  interface Window {
    __xss?: number;
  }
}

/** Hostile strings a compromised or careless record could carry; each sets window.__xss if it ever runs. */
const PAYLOADS = [
  "<script>window.__xss=1</script>",
  "<img src=x onerror=window.__xss=1>",
  "<svg onload=window.__xss=1>",
  "<svg><script>window.__xss=1</script></svg>",
  "javascript:window.__xss=1",
  "JaVaScRiPt:window.__xss=1",
  " javascript:window.__xss=1",
  "java\tscript:window.__xss=1",
  "\u0000javascript:window.__xss=1",
  "data:text/html,<script>window.__xss=1</script>",
  "vbscript:msgbox(1)",
  '<a href="javascript:window.__xss=1">click</a>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  "<body onload=window.__xss=1>",
  "<details open ontoggle=window.__xss=1>",
  "<input autofocus onfocus=window.__xss=1>",
  "<video><source onerror=window.__xss=1></video>",
  "<audio src=x onerror=window.__xss=1>",
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
  '"><img src=x onerror=window.__xss=1>',
  "'><img src=x onerror=window.__xss=1>",
  "</span><img src=x onerror=window.__xss=1>",
  "</li></ul><script>window.__xss=1</script>",
  "<!--<img src=x onerror=window.__xss=1>-->",
  "<style>*{display:none}</style>",
  "<marquee onstart=window.__xss=1>",
  "<form action=javascript:window.__xss=1><button>go</button></form>",
  "<template><img src=x onerror=window.__xss=1></template>",
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<base href="javascript:/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  "&lt;img src=x onerror=window.__xss=1&gt;",
  "${window.__xss=1}",
  "{{constructor.constructor('window.__xss=1')()}}",
  "<?lit$1234$>lit$1234$<!--?lit$1234$-->",
  "\u202e<img src=x onerror=window.__xss=1>",
];

/** Everything the widget itself may create inside its shadow root. */
const ALLOWED_TAGS = new Set(["DIV", "UL", "LI", "A", "SPAN", "P", "TIME", "SLOT", "BUTTON"]);
const ALLOWED_ATTRIBUTES = new Set(["part", "class", "lang", "aria-label", "aria-hidden", "role", "type", "datetime", "href"]);

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
  delete window.__xss;
});

function hostileItem(payload: string) {
  return {
    slug: payload,
    path: payload,
    lang: payload,
    title: payload,
    kind: payload,
    status: payload,
    statusLabel: payload,
    confidence: "UNVERIFIED",
    confidenceLabel: payload,
    date: { date: payload, precision: payload },
    countries: [payload],
    partners: [payload],
    sectors: [payload],
    publisher: payload,
    publishedAt: payload,
  };
}

it(`renders ${PAYLOADS.length} hostile payloads as inert text, with no script, handler or javascript: link`, async () => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  const safe = feedItem({ slug: "safe-record" });
  // Hostile values everywhere, plus hostile titles on records whose slug is fine (so links exist).
  stubFetch(() => feedResponse([...PAYLOADS.map(hostileItem), ...PAYLOADS.map((title) => ({ ...safe, title, publisher: title }))]));
  const element = mountFeed({ api: API, limit: "20" });
  await nextEvent(element, "coop-load");
  await sleep(200);

  const root = shadow(element);
  const titles = [...root.querySelectorAll("[part=title]")].map((title) => title.textContent);
  expect(titles).toEqual([...PAYLOADS, ...PAYLOADS]);
  for (const node of root.querySelectorAll("*")) {
    expect(ALLOWED_TAGS.has(node.tagName), node.tagName).toBe(true);
    for (const attribute of node.attributes) expect(ALLOWED_ATTRIBUTES.has(attribute.name), attribute.name).toBe(true);
  }
  expect(root.querySelectorAll("[href]:not(a)")).toHaveLength(0);
  const links = [...root.querySelectorAll("a")];
  expect(links).toHaveLength(PAYLOADS.length);
  for (const link of links) expect(link.href).toBe(`${API}records/safe-record`);
  expect(window.__xss).toBeUndefined();
});

it("never builds links from a hostile api attribute", async () => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  stubFetch(() => feedResponse([feedItem({ slug: "safe-record" })]));
  for (const api of ["javascript:window.__xss=1//", "data:text/html,x", "vbscript:x", "JAVASCRIPT:x", "file:///etc/passwd", "http://[bad"]) {
    const element = mountFeed({ api });
    await nextEvent(element, "coop-load");
    const link = shadow(element).querySelector("a")!;
    expect(new URL(link.href).protocol, api).toMatch(/^https?:$/);
    expect(link.href, api).toBe(`${location.origin}/records/safe-record`);
    element.remove();
  }
  expect(window.__xss).toBeUndefined();
});
