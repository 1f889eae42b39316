import { describe, expect, it } from "vitest";
import { escapeMarkup, jsonForScriptElement } from "./markup";

describe("escapeMarkup", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ['<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"],
    ["Tom & Jerry's", "Tom &amp; Jerry&#39;s"],
    ["&amp; stays literal", "&amp;amp; stays literal"],
    ["]]> ends CDATA", "]]&gt; ends CDATA"],
  ])("escapes %j", (input, expected) => {
    expect(escapeMarkup(input)).toBe(expected);
  });

  it("drops characters XML 1.0 cannot carry, keeps tab, newlines and astral characters", () => {
    expect(escapeMarkup("a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf")).toBe("abcdef");
    expect(escapeMarkup("line\tone\r\nline two")).toBe("line\tone&#13;\nline two");
    expect(escapeMarkup("flag 🇿🇼 and lone \uD800 surrogate \uDC00")).toBe("flag 🇿🇼 and lone  surrogate ");
  });

  it("keeps accented and Cyrillic text as it is", () => {
    expect(escapeMarkup("Cybersécurité — Кибербезопасность")).toBe("Cybersécurité — Кибербезопасность");
  });
});

describe("jsonForScriptElement", () => {
  it("cannot close the script element or open a comment, and stays the same JSON", () => {
    const value = { title: "</script><script>alert(1)</script><!--" };
    const json = jsonForScriptElement(value);
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual(value);
  });
});
