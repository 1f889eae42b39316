import { describe, expect, it } from "vitest";
import { filtersFromParams, filtersToParams, sortingAfterClickOn, sortingFromParams } from "./list-filters";
import { listInputOf } from "./list-input";
import {
  agreementInputOf,
  emptyRecordValues,
  formPathOf,
  formValuesOf,
  formValuesOfDraft,
  reapplyChanges,
  type StoredRecord,
  validateRecordForm,
} from "./record-form-model";

const SOURCE_ID = "01a20622-0000-7000-8000-000000000001";
const ORGANIZATION_ID = "01a20622-0000-7000-8000-000000000002";

/** What `agreement.get` sends over the wire, reduced to the parts the form reads. */
const stored = {
  id: "01a20622-0000-7000-8000-000000000000",
  title: "Zimbabwe and Belarus sign an MOU",
  summary: "",
  kind: "MOU",
  status: "SIGNED",
  confidence: "CONFIRMED",
  announcedOn: null,
  announcedPrecision: "UNKNOWN",
  signedOn: "2025-02-01T00:00:00.000Z",
  signedPrecision: "MONTH",
  venue: "Minsk",
  event: null,
  amount: null,
  currency: null,
  sectors: [{ sectorSlug: "cybersecurity" }],
  parties: [
    { id: "p1", organizationId: ORGANIZATION_ID, countryCode: "ZW", side: "AFRICA", role: "SIGNATORY", representativeName: null, representativeTitle: null },
    { id: "p2", organizationId: null, countryCode: "BY", side: "PARTNER", role: "SIGNATORY", representativeName: null, representativeTitle: null },
  ],
  sources: [
    {
      id: SOURCE_ID,
      url: "https://example.org/a",
      publisher: null,
      author: null,
      title: "Release",
      publishedOn: "2025-02-17T00:00:00.000Z",
      publishedPrecision: "DAY",
      language: "en",
      excerpt: null,
      text: "Zimbabwe and Belarus signed on Monday. Belarus will train 20 engineers.",
    },
  ],
  commitments: [
    {
      id: "c1",
      description: "Train 20 engineers",
      quantity: 20,
      unit: "people",
      deadline: null,
      deadlinePrecision: "UNKNOWN",
      delivered: null,
      sourceId: SOURCE_ID,
    },
    { id: "c2", description: "Open a laboratory", quantity: null, unit: null, deadline: null, deadlinePrecision: "UNKNOWN", delivered: null, sourceId: null },
  ],
  translations: [
    {
      locale: "FR",
      title: "Le Zimbabwe et le Bélarus signent",
      summary: "",
      venue: "Minsk (Bélarus)",
      event: null,
      commitments: ["Former 20 ingénieurs", ""],
      statusNotes: { "0199e0f4-0000-7000-8000-00000000000e": "Signé à Minsk" },
    },
  ],
  organizationNames: { [ORGANIZATION_ID]: "Ministry of ICT" },
  citations: [{ id: "k1", field: "parties.1.countryCode", sourceId: SOURCE_ID, quote: "Belarus", start: 13, end: 20 }],
} as unknown as StoredRecord;

describe("the record form model", () => {
  it("turns a stored record into form values and back into the same API input", () => {
    const values = formValuesOf(stored);
    expect(values.signedOn).toBe("2025-02");
    expect(values.parties[0]?.organizationName).toBe("Ministry of ICT");
    expect(values.commitments[0]?.source).toBe("0");
    const input = agreementInputOf(values, "SIGNED");
    expect(input).toMatchObject({
      signedOn: "2025-02",
      announcedOn: null,
      sectors: ["cybersecurity"],
      sources: [{ id: SOURCE_ID, url: "https://example.org/a", publishedOn: "2025-02-17" }],
      commitments: [{ description: "Train 20 engineers", quantity: 20, source: 0 }, { description: "Open a laboratory" }],
      translations: [
        {
          locale: "FR",
          title: "Le Zimbabwe et le Bélarus signent",
          summary: "",
          venue: "Minsk (Bélarus)",
          event: null,
          commitments: ["Former 20 ingénieurs", ""],
          statusNotes: { "0199e0f4-0000-7000-8000-00000000000e": "Signé à Minsk" },
        },
      ],
    });
    expect(input.statusChange).toBeUndefined();
    expect(validateRecordForm(values, "SIGNED")).toEqual({});
  });

  it("asks for the status change's source when the status moves, and checks with the API's schema", () => {
    const values = { ...formValuesOf(stored), status: "IN_FORCE", currency: "", amount: "1000" };
    const errors = validateRecordForm(values, "SIGNED");
    expect(errors["statusChange.source"]).toBe("must point at one of the sources");
    expect(errors.currency).toBe("is required with an amount");
  });

  it("keeps each commitment's translation with its commitment when commitments move or go", () => {
    const values = formValuesOf(stored);
    values.commitments = [values.commitments[1]!, values.commitments[0]!];
    expect(agreementInputOf(values, "SIGNED").translations?.[0]?.commitments).toEqual(["", "Former 20 ingénieurs"]);
    values.commitments = [values.commitments[0]!];
    expect(agreementInputOf(values, "SIGNED").translations?.[0]?.commitments).toEqual([""]);
  });

  it("puts translation errors on the row of their language, from the form or from the server", () => {
    const values = emptyRecordValues();
    values.title = "A title";
    values.translations[1] = { locale: "PT", title: "", summary: "Resumo", venue: "", event: "", commitments: {}, statusNotes: {} };
    expect(validateRecordForm(values, null)).toHaveProperty(["translations.1.title"]);
    expect(formPathOf("data.translations.0.title", values)).toBe("translations.1.title");
    expect(formPathOf("data.parties.1.countryCode", values)).toBe("parties.1.countryCode");
  });

  it("keeps a citation on its row when other rows go, and drops it with its row or source", () => {
    const values = formValuesOf(stored);
    expect(values.citations[0]?.field).toBe("parties.p2.countryCode");
    expect(agreementInputOf(values, "SIGNED").citations).toEqual([{ field: "parties.1.countryCode", source: 0, quote: "Belarus", start: 13, end: 20 }]);
    expect(agreementInputOf({ ...values, parties: values.parties.slice(1) }, "SIGNED").citations).toEqual([
      { field: "parties.0.countryCode", source: 0, quote: "Belarus", start: 13, end: 20 },
    ]);
    expect(agreementInputOf({ ...values, parties: values.parties.slice(0, 1) }, "SIGNED").citations).toEqual([]);
    expect(agreementInputOf({ ...values, sources: [] }, "SIGNED").citations).toEqual([]);
  });

  it("puts a citation's error on its own row, and refuses a quote its source does not hold", () => {
    const values = formValuesOf(stored);
    values.citations.unshift({ key: "gone", field: "parties.nobody.countryCode", sourceKey: SOURCE_ID, quote: "x", start: null, end: null });
    values.citations.push({ key: "k2", field: "venue", sourceKey: SOURCE_ID, quote: "Minsk", start: null, end: null });
    expect(validateRecordForm(values, "SIGNED")).toEqual({ "citations.2.quote": "is not in source 0" });
  });

  it("reapplies my changed fields onto their newer version and keeps theirs elsewhere", () => {
    const original = formValuesOf(stored);
    const mine = { ...original, summary: "My summary" };
    const theirs = { ...original, title: "Their title" };
    expect(reapplyChanges(original, mine, theirs)).toMatchObject({ title: "Their title", summary: "My summary" });
  });
});

describe("a draft proposed from a report", () => {
  const report = "Kenya and Belarus signed an agreement to train 300 mechanics.";
  const draft = {
    title: "Kenya and Belarus sign an agreement",
    kind: "AGREEMENT" as const,
    status: "SIGNED" as const,
    signedOn: "2025-03",
    parties: [
      { countryCode: "KE", side: "AFRICA" as const },
      { countryCode: "BY", side: "PARTNER" as const },
    ],
    commitments: [{ description: "300 mechanics", quantity: 300, unit: "mechanics", source: 0 }],
    sources: [{ url: "https://news.example.org/a", text: report }],
    citations: [
      { field: "parties.1.countryCode", source: 0, quote: "Belarus", start: 10, end: 17 },
      { field: "commitments.0.quantity", source: 0, quote: "300", start: 45, end: 48 },
    ],
  };

  it("opens in the form as it would be sent, citations and the report's text included", () => {
    const sent = agreementInputOf(formValuesOfDraft(draft, {}), null);
    expect(sent).toMatchObject({
      signedOn: "2025-03",
      commitments: [{ quantity: 300, source: 0 }],
      sources: [{ url: "https://news.example.org/a", text: report }],
    });
    expect(sent.citations).toEqual(draft.citations);
  });

  it("keeps a citation on its row when an editor drops another row", () => {
    const values = formValuesOfDraft(draft, {});
    const withoutKenya = { ...values, parties: values.parties.slice(1) };
    expect(agreementInputOf(withoutKenya, null).citations?.[0]).toMatchObject({ field: "parties.0.countryCode", quote: "Belarus" });
  });
});

describe("the records list filters in the URL", () => {
  it("round-trips through the query string and drops values the API would refuse", () => {
    const params = new URLSearchParams("q=drones&state=DRAFT&state=IN_REVIEW&country=ZW&from=2025-01-01&kind=NOPE");
    const filters = filtersFromParams(params);
    expect(filtersToParams(filters).toString()).toBe("q=drones&state=DRAFT%2CIN_REVIEW&country=ZW&kind=NOPE&from=2025-01-01");
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(listInputOf(filters, sortingFromParams(params))).toEqual({
      limit: 25,
      sort: "updated",
      order: "desc",
      q: "drones",
      state: ["DRAFT", "IN_REVIEW"],
      country: ["ZW"],
      from: "2025-01-01",
    });
  });

  it("reads a list the public pages wrote, comma-separated, as the same filters", () => {
    expect(filtersFromParams(new URLSearchParams("country=ZW,CG&state=DRAFT"))).toMatchObject({ country: ["ZW", "CG"], state: ["DRAFT"] });
  });

  it("keeps the sorting in the URL unless it is the default, and falls back to it for unknown values", () => {
    const filters = filtersFromParams(new URLSearchParams("q=drones"));
    expect(sortingFromParams(new URLSearchParams("sort=title"))).toEqual({ sort: "title", order: "asc" });
    expect(sortingFromParams(new URLSearchParams("sort=signed&order=asc"))).toEqual({ sort: "signed", order: "asc" });
    expect(sortingFromParams(new URLSearchParams("sort=popularity&order=asc"))).toEqual({ sort: "updated", order: "desc" });
    expect(filtersToParams(filters, { sort: "signed", order: "asc" }).toString()).toBe("q=drones&sort=signed&order=asc");
    expect(filtersToParams(filters, { sort: "updated", order: "desc" }).toString()).toBe("q=drones");
  });

  it("flips the sorted column on a second click and starts another column in its natural order", () => {
    expect(sortingAfterClickOn({ sort: "updated", order: "desc" }, "title")).toEqual({ sort: "title", order: "asc" });
    expect(sortingAfterClickOn({ sort: "title", order: "asc" }, "title")).toEqual({ sort: "title", order: "desc" });
    expect(sortingAfterClickOn({ sort: "title", order: "desc" }, "signed")).toEqual({ sort: "signed", order: "desc" });
  });
});
