import { z } from "zod";
import { EditorialState, OrganizationKind } from "../generated/prisma/enums";
import { ZAgreementKind, ZLifecycleStatus } from "../validators/common";

/** Where the REST paths live. */
export const REST_PREFIX = "/api/v1";

export interface RestOperation {
  operationId: string;
  method: "GET" | "POST" | "PUT";
  /** Path under REST_PREFIX; `{name}` segments fill the procedure input's field of that name. */
  path: string;
  /** The tRPC procedure that does the work: same input schema, same rules, same answer. */
  procedure: string;
  summary: string;
  tag: "Records" | "Taxonomy" | "Editorial";
  /** What the answer looks like, for procedures without an `.output()` schema (the editorial ones). */
  response?: z.ZodType;
  /** 201 for creations. */
  status?: 200 | 201;
  /** The answer names the record's current `slug`, the path's last segment: a request by a former one is sent there with 308. */
  redirectsFormerSlug?: true;
}

// Editorial answers are documented by their main fields; the rest is described in docs/API.md.
const ZEditorialListItem = z
  .looseObject({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    state: z.enum(EditorialState),
    status: ZLifecycleStatus,
    kind: ZAgreementKind,
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "EditorialRecordSummary" });

const ZEditableRecord = z
  .looseObject({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    kind: ZAgreementKind,
    status: ZLifecycleStatus,
    state: z.enum(EditorialState),
    version: z.number().int().describe("Send as `expectedVersion` with the next update or transition."),
    createdAt: z.string(),
    updatedAt: z.string(),
    parties: z.array(z.looseObject({ side: z.string(), role: z.string() })),
    sources: z.array(z.looseObject({ id: z.uuid(), url: z.string().nullable() })),
  })
  .meta({ id: "EditableRecord", description: "Every part of a record as editors see it, with its version and who made and last saved it." });

const ZOrganization = z
  .looseObject({ id: z.uuid(), slug: z.string(), name: z.string(), kind: z.enum(OrganizationKind), countryCode: z.string().nullable() })
  .meta({ id: "Organization" });

const ZIntakeAnalysis = z
  .looseObject({
    language: z.string(),
    text: z.string().optional(),
    proposal: z.looseObject({ draft: z.looseObject({}), evidence: z.array(z.looseObject({ field: z.string() })) }).nullable(),
    otherEvents: z.array(z.looseObject({ draft: z.looseObject({}) })),
    matches: z.array(z.looseObject({ id: z.uuid(), slug: z.string(), score: z.number(), sameEvent: z.boolean() })),
  })
  .meta({
    id: "IntakeAnalysis",
    description: "The record a report proposes (`proposal.draft` is `data` for createRecord), its evidence, and the stored records that may be its event.",
  });

const ZAttachedReport = z
  .looseObject({
    applied: z.boolean(),
    version: z.number().int(),
    changes: z.array(z.looseObject({ key: z.string(), field: z.string(), action: z.string() })).optional(),
  })
  .meta({ id: "AttachedReport", description: "Without `accept`: the changes the report would bring. With it: the saved record's new version." });

export const REST_OPERATIONS: RestOperation[] = [
  {
    operationId: "listRecords",
    method: "GET",
    path: "/records",
    procedure: "agreement.list",
    tag: "Records",
    summary: "Published records matching the filters, newest first",
  },
  {
    operationId: "getRecord",
    method: "GET",
    path: "/records/{slug}",
    procedure: "agreement.bySlug",
    tag: "Records",
    summary: "One published record with its commitments, timeline and sources; a former slug answers 308 to the current one",
    redirectsFormerSlug: true,
  },
  {
    operationId: "listRelatedRecords",
    method: "GET",
    path: "/records/{slug}/related",
    procedure: "agreement.related",
    tag: "Records",
    summary: "Published records sharing a party with this one, within three years of it",
  },
  {
    operationId: "getOrganization",
    method: "GET",
    path: "/organizations/{slug}",
    procedure: "organization.bySlug",
    tag: "Records",
    summary: "An organisation party to published records, with its consortium links",
  },
  {
    operationId: "listChanges",
    method: "GET",
    path: "/changes",
    procedure: "agreement.changes",
    tag: "Records",
    summary: "What changed in the public records since a time, for mirrors",
  },
  {
    operationId: "getFacets",
    method: "GET",
    path: "/facets",
    procedure: "agreement.facets",
    tag: "Records",
    summary: "Counts of matching records per country, partner, sector, status, kind and year",
  },
  {
    operationId: "getFeed",
    method: "GET",
    path: "/feed",
    procedure: "feed.latest",
    tag: "Records",
    summary: "The newest records in the compact shape of the <coop-feed> widget",
  },
  {
    operationId: "listCountries",
    method: "GET",
    path: "/taxonomy/countries",
    procedure: "taxonomy.countries",
    tag: "Taxonomy",
    summary: "The 54 African states, RU and BY, with names in four languages",
  },
  {
    operationId: "listSectors",
    method: "GET",
    path: "/taxonomy/sectors",
    procedure: "taxonomy.sectors",
    tag: "Taxonomy",
    summary: "The sectors records are filed under",
  },
  {
    operationId: "listEditorialRecords",
    method: "GET",
    path: "/editorial/records",
    procedure: "agreement.listForEditors",
    tag: "Editorial",
    summary: "Records in any editorial state",
    response: z.object({ items: z.array(ZEditorialListItem), nextCursor: z.string().nullable() }),
  },
  {
    operationId: "getEditorialRecord",
    method: "GET",
    path: "/editorial/records/{id}",
    procedure: "agreement.get",
    tag: "Editorial",
    summary: "One record as editors see it",
    response: ZEditableRecord,
  },
  {
    operationId: "listRevisions",
    method: "GET",
    path: "/editorial/records/{id}/revisions",
    procedure: "agreement.revisions",
    tag: "Editorial",
    summary: "A record's saved versions, newest first",
    response: z.array(z.looseObject({ version: z.number().int(), summary: z.string().nullable(), author: z.string(), createdAt: z.string() })),
  },
  {
    operationId: "diffRevisions",
    method: "GET",
    path: "/editorial/records/{id}/diff",
    procedure: "agreement.revisionDiff",
    tag: "Editorial",
    summary: "Field-level differences between two versions",
    response: z.object({
      id: z.uuid(),
      from: z.number().int(),
      to: z.number().int(),
      changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
    }),
  },
  {
    operationId: "findDuplicates",
    method: "GET",
    path: "/editorial/duplicates",
    procedure: "agreement.duplicates",
    tag: "Editorial",
    summary: "Existing records that look like the one described",
    response: z.array(
      z.object({ id: z.uuid(), slug: z.string(), title: z.string(), state: z.string(), score: z.number(), strong: z.boolean(), reasons: z.array(z.string()) }),
    ),
  },
  {
    operationId: "createRecord",
    method: "POST",
    path: "/editorial/records",
    procedure: "agreement.create",
    tag: "Editorial",
    summary: "A new draft record",
    response: ZEditableRecord,
    status: 201,
  },
  {
    operationId: "updateRecord",
    method: "PUT",
    path: "/editorial/records/{id}",
    procedure: "agreement.update",
    tag: "Editorial",
    summary: "Saves a record's new content (409 when someone saved first)",
    response: ZEditableRecord,
  },
  {
    operationId: "transitionRecord",
    method: "POST",
    path: "/editorial/records/{id}/transitions",
    procedure: "agreement.transition",
    tag: "Editorial",
    summary: "Moves a record through the workflow (submit; editors also approve, send back, unpublish, archive, reopen)",
    response: ZEditableRecord,
  },
  {
    operationId: "searchOrganizations",
    method: "GET",
    path: "/editorial/organizations",
    procedure: "organization.search",
    tag: "Editorial",
    summary: "Organisations whose name or alias resembles `q`",
    response: z.array(ZOrganization),
  },
  {
    operationId: "createOrganization",
    method: "POST",
    path: "/editorial/organizations",
    procedure: "organization.create",
    tag: "Editorial",
    summary: "A new organisation",
    response: ZOrganization,
    status: 201,
  },
  {
    operationId: "analyzeReport",
    method: "POST",
    path: "/editorial/intake",
    procedure: "intake.analyze",
    tag: "Editorial",
    summary: "Reads a news report and proposes the record it describes, every value cited to its words",
    response: ZIntakeAnalysis,
  },
  {
    operationId: "attachReport",
    method: "POST",
    path: "/editorial/records/{id}/reports",
    procedure: "intake.attach",
    tag: "Editorial",
    summary: "Adds a report to a record as a source: previews its new facts, or saves the accepted ones (409 when someone saved first)",
    response: ZAttachedReport,
  },
];
