import { describe, expect, it } from "vitest";
import { slugify } from "./slugs";

describe("slugify", () => {
  it.each([
    ["Le Congo et la Russie : cybersécurité", "le-congo-et-la-russie-cybersecurite"],
    ["Zim, Belarus to up security ties", "zim-belarus-to-up-security-ties"],
    ["Зимбабве и Беларусь", "record"],
    ["  --MOU!!--  ", "mou"],
  ])("%s -> %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("stays short and never ends with a hyphen", () => {
    const slug = slugify("a ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});
