/** Characters XML 1.0 forbids outright: C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// CR is written as a reference because XML parsers otherwise turn it into LF.
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\r": "&#13;" };

/**
 * Text made safe for XML or HTML element content and quoted attribute values:
 * markup characters become entities and characters XML cannot carry are dropped,
 * so one hostile record can never make a feed unparsable.
 */
export function escapeMarkup(text: string): string {
  return text.replace(XML_FORBIDDEN, "").replace(/[&<>"'\r]/g, (char) => ENTITY[char] ?? char);
}

/**
 * JSON for the body of a `<script type="application/ld+json">` element: `<` is
 * written as `\u003c` so text such as `</script>` cannot close the element.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
