import { z } from "zod";
import { MAX_REQUEST_COST } from "../trpc/limits";
import { REST_OPERATIONS, REST_PREFIX, type RestOperation } from "./operations";
import { inputJsonSchema, procedureOf } from "./requests";

type JsonSchema = Record<string, unknown>;

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  description: "Every error: a machine-readable `error`, a readable `message`, and for bad input the parameters or body fields at fault.",
  properties: {
    error: { type: "string", examples: ["bad_request", "not_found", "too_many_requests"] },
    message: { type: "string" },
    issues: {
      type: "array",
      items: { type: "object", properties: { parameter: { type: "string" }, message: { type: "string" } }, required: ["parameter", "message"] },
    },
    conflict: { description: "What a client needs to recover from a 409: the current version and who saved it, or the likely duplicates." },
  },
  required: ["error", "message"],
};

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

/** JSON Schema of a zod schema, its named parts (`.meta({ id })`) moved into `components`. */
function toComponentSchema(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _draft, $defs, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const relinked = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [id, definition] of Object.entries($defs ?? {})) components[id] = relinked(definition);
  return relinked(json);
}

function responseSchemaOf(operation: RestOperation): z.ZodType {
  const schema = operation.response ?? procedureOf(operation)._def.output;
  if (!schema) throw new Error(`REST operation ${operation.operationId} has no documented answer`);
  return schema;
}

function describeOperation(operation: RestOperation, components: Record<string, JsonSchema>) {
  const meta = procedureOf(operation)._def.meta;
  const isPublic = meta?.access === "public";
  const pathNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const input = inputJsonSchema(operation);
  const properties = input.properties ?? {};
  const required = new Set(input.required ?? []);
  const pathParameters = pathNames.map((name) => ({ name, in: "path", required: true, schema: properties[name] ?? { type: "string" } }));
  const queryParameters =
    operation.method === "GET"
      ? Object.entries(properties)
          .filter(([name]) => !pathNames.includes(name))
          .map(([name, schema]) => ({ name, in: "query", required: required.has(name), schema, style: "form", explode: true }))
      : [];
  const bodySchema =
    operation.method === "GET"
      ? null
      : {
          ...input,
          properties: Object.fromEntries(Object.entries(properties).filter(([name]) => !pathNames.includes(name))),
          required: [...required].filter((name) => !pathNames.includes(name)),
        };
  const success = {
    description: "OK",
    ...(isPublic ? { headers: { ETag: { description: "Send back as If-None-Match to get a 304 while unchanged.", schema: { type: "string" } } } } : {}),
    content: { "application/json": { schema: toComponentSchema(responseSchemaOf(operation), "output", components) } },
  };
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    description: isPublic
      ? `Public: no credentials, cacheable (ETag, \`Cache-Control: public\`), CORS \`*\`. Same as the tRPC query \`${operation.procedure}\`. An uncached answer costs ${meta?.cost ?? 1} of the per-client rate limit (at most ${MAX_REQUEST_COST} per request).`
      : `Needs an API token with the scope \`${meta?.tokenScope ?? "none"}\` (or a signed-in session). Same as the tRPC procedure \`${operation.procedure}\`.`,
    ...(isPublic ? {} : { security: [{ apiToken: [] }] }),
    parameters: [...pathParameters, ...queryParameters],
    ...(bodySchema ? { requestBody: { required: true, content: { "application/json": { schema: bodySchema } } } } : {}),
    responses: {
      [String(operation.status ?? 200)]: success,
      ...(isPublic ? { "304": { description: "Not modified: the If-None-Match ETag is current." } } : {}),
      ...(operation.redirectsFormerSlug
        ? {
            "308": {
              description: "The slug is a former one of the record: `Location` is the same request under its current slug.",
              headers: { Location: { schema: { type: "string" } } },
            },
          }
        : {}),
      "400": errorResponse("Bad input: `issues` names each parameter or field."),
      ...(isPublic
        ? {}
        : {
            "401": errorResponse("No or bad credentials."),
            "403": errorResponse("The token lacks the scope, or the role is too low."),
            "409": errorResponse("Someone saved first, or a likely duplicate exists."),
          }),
      ...(pathNames.length ? { "404": errorResponse("No such record.") } : {}),
      ...(operation.method === "GET" ? {} : { "413": errorResponse("The body is over the limit.") }),
      ...(isPublic ? { "429": errorResponse("Too many uncached requests from this address: see Retry-After.") } : {}),
      "503": errorResponse("The database is unavailable; try again shortly."),
    },
  };
}

/** The OpenAPI 3.1 document of `/api/v1`, generated from the procedures' zod schemas. */
export function buildOpenApiDocument(origin: string) {
  const components: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of REST_OPERATIONS) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = describeOperation(operation, components);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "coop-tracker API",
      version: "1",
      description:
        "Curated, source-backed records of technology cooperation between African states and Russia/Belarus. Public reads need no credentials; editorial calls need an API token (`Authorization: Bearer`). Dates are strings: `YYYY-MM-DD`, or ISO 8601 instants in UTC.",
    },
    servers: [{ url: `${origin}${REST_PREFIX}` }],
    tags: [
      { name: "Records", description: "Published records: lists, one record, changes for sync, counts." },
      { name: "Taxonomy", description: "Countries and sectors." },
      { name: "Editorial", description: "Drafts and edits, with an API token." },
    ],
    paths,
    components: {
      schemas: components,
      securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "An API token made by an admin in the dashboard (coop_…)." } },
    },
  };
}
