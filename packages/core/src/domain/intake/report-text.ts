import { Parser } from "htmlparser2";

/** What a web page says about itself, read from its head and first heading. */
export interface PageMetadata {
  title?: string;
  siteName?: string;
  author?: string;
  /** The page's own publication date, `YYYY-MM-DD`. */
  publishedOn?: string;
}

export interface ReportText {
  /** The text every evidence offset points into. */
  text: string;
  /** True when the input was HTML and `text` is what remains of it. */
  fromHtml: boolean;
  page: PageMetadata;
}

const HTML_SIGNS = /<\s*(?:!doctype|html|head|body|p|div|br|span|a|article|section|h[1-6]|script|style|meta|li|table)\b[^>]*>/i;
/** Elements whose content is never part of the report: code, styling, embedded media. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select", "button", "head"]);
/** Elements that end a line of text. */
const BLOCKS = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "td",
  "th",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "aside",
  "nav",
  "blockquote",
  "figcaption",
  "figure",
  "hr",
  "pre",
  "dd",
  "dt",
  "dl",
  "main",
  "address",
  "caption",
]);

/** Plain text as given; HTML reduced to its readable text, with paragraphs kept as line breaks. */
export function readReportText(input: string): ReportText {
  if (!HTML_SIGNS.test(input)) return { text: input, fromHtml: false, page: {} };
  return reduceHtml(input);
}

function reduceHtml(html: string): ReportText {
  const pieces: string[] = [];
  const page: PageMetadata = {};
  let skipDepth = 0;
  let inTitle = false;
  let titleText = "";
  let inHeading = false;
  let headingText = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "title") inTitle = true;
        if (name === "meta") readMeta(attributes, page);
        if (name === "time" && !page.publishedOn && attributes.datetime) page.publishedOn = isoDay(attributes.datetime);
        if (SKIPPED.has(name)) skipDepth += 1;
        if (name === "h1" && !page.title && skipDepth === 0) inHeading = true;
        if (BLOCKS.has(name)) pieces.push("\n");
      },
      ontext(text) {
        if (inTitle) titleText += text;
        if (skipDepth > 0) return;
        if (inHeading) headingText += text;
        pieces.push(text);
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        if (name === "h1") inHeading = false;
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCKS.has(name)) pieces.push("\n");
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const title = clean(headingText) || clean(titleText);
  if (title && !page.title) page.title = title;
  const text = pieces
    .join("")
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, fromHtml: true, page };
}

function readMeta(attributes: Record<string, string>, page: PageMetadata): void {
  const key = (attributes.property ?? attributes.name ?? "").toLowerCase();
  const content = clean(attributes.content ?? "");
  if (!content) return;
  if (key === "og:site_name") page.siteName ??= content;
  else if (key === "author" || key === "article:author") page.author ??= content;
  else if (key === "og:title") page.title ??= content;
  else if (key === "article:published_time" || key === "date") page.publishedOn ??= isoDay(content);
}

function isoDay(value: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0];
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 500);
}
