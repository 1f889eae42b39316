import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument, REST_OPERATIONS, REST_PREFIX } from "@coop/core/rest";

type Document = ReturnType<typeof buildOpenApiDocument>;

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/**
 * Checks HTTP answers of `/api/v1` against the OpenAPI document: the operation must be
 * documented, the status listed among its responses, and a JSON body valid against the
 * documented schema (the answer's, or Error for errors). Collects every problem.
 */
export function openApiContract(document: Document = buildOpenApiDocument("http://coop.test")) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, "openapi");
  const problems: string[] = [];
  const checked = new Map<string, number>();

  const operationOf = (method: string, pathname: string) =>
    REST_OPERATIONS.find(
      (operation) => operation.method === method && new RegExp(`^${REST_PREFIX}${operation.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(pathname),
    );

  return {
    problems,
    /** How many answers were checked, per operationId. */
    checked,
    async check(request: Request, response: Response): Promise<void> {
      const url = new URL(request.url);
      const operation = operationOf(request.method, url.pathname);
      if (!operation) {
        if (response.status !== 404 && response.status !== 405)
          problems.push(`${request.method} ${url.pathname}: undocumented path answered ${response.status}`);
        return;
      }
      checked.set(operation.operationId, (checked.get(operation.operationId) ?? 0) + 1);
      const responses = (document.paths[operation.path]![operation.method.toLowerCase()] as { responses: Record<string, { content?: unknown }> }).responses;
      const documented = responses[String(response.status)];
      if (!documented) {
        problems.push(`${operation.operationId}: status ${response.status} is not documented`);
        return;
      }
      if (!documented.content) return;
      const body: unknown = await response.clone().json();
      const validate = ajv.getSchema(
        `openapi#/${pointer("paths", operation.path, operation.method.toLowerCase(), "responses", String(response.status), "content", "application/json", "schema")}`,
      );
      if (!validate) throw new Error(`no schema for ${operation.operationId} ${response.status}`);
      if (!validate(body)) problems.push(`${operation.operationId} ${response.status}: ${ajv.errorsText(validate.errors)}`);
    },
  };
}
