import { describe, expect, it } from "vitest";
import { formValuesOfDraft } from "../records/record-form-model";
import { dropProposedValues, highlightSpans, proposedValuesOf } from "./proposed-values";

const report = "Ghana and Russia signed an agreement in Accra on Monday to train 50 engineers.";
/** A citation of `quote`, where it stands in the report. */
const cite = (field: string, quote: string) => ({ field, source: 0, quote, start: report.indexOf(quote), end: report.indexOf(quote) + quote.length });
const values = formValuesOfDraft(
  {
    title: "Ghana and Russia sign an agreement",
    kind: "AGREEMENT",
    status: "SIGNED",
    signedOn: "2025-03-10",
    venue: "Accra",
    parties: [
      { countryCode: "GH", side: "AFRICA" },
      { countryCode: "RU", side: "PARTNER" },
    ],
    commitments: [{ description: "50 engineers", quantity: 50, unit: "engineers", source: 0 }],
    sources: [{ text: report }],
    citations: [
      cite("title", report),
      cite("parties.0.countryCode", "Ghana"),
      cite("parties.0.side", "Ghana"),
      cite("venue", "Accra"),
      cite("signedOn", "on Monday"),
      cite("commitments.0.quantity", "50"),
    ],
  },
  {},
);

describe("values proposed from a report", () => {
  it("marks each value's words once, in order, leaving out the composed title", () => {
    expect(highlightSpans(values).map((span) => report.slice(span.start, span.end))).toEqual(["Ghana", "Accra", "on Monday", "50"]);
  });

  it("lists kind and status as kept, and every other value as one the editor may drop", () => {
    const proposed = proposedValuesOf(values);
    expect(proposed.filter((value) => !value.droppable).map((value) => value.id)).toEqual(["kind", "status"]);
    expect(proposed.find((value) => value.id === "venue")).toMatchObject({ value: "Accra", quotes: ["Accra"] });
  });

  it("drops a value with its citations, and a row with its own", () => {
    const ghana = `parties.${values.parties[0]!.key}`;
    const dropped = dropProposedValues(values, new Set(["venue", ghana]));
    expect(dropped.venue).toBe("");
    expect(dropped.parties.map((party) => party.countryCode)).toEqual(["RU"]);
    expect(dropped.citations.map((citation) => citation.quote)).toEqual([report, "on Monday", "50"]);
  });
});
