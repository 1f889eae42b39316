/**
 * Loads Prisma's WebAssembly schema engine (`@prisma/schema-engine-wasm`) so
 * migrations work offline: the Prisma CLI would otherwise download a native
 * schema engine binary. Mirrors `wasmSchemaEngineLoader` in `@prisma/internals`
 * and `SchemaEngineWasm` in `@prisma/migrate`.
 */
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as SchemaEngineGlueModule from "@prisma/schema-engine-wasm/schema_engine_bg";

export type {
  ApplyMigrationsOutput,
  CreateMigrationOutput,
  DiffParams,
  DiffResult,
  MigrationDirectory,
  MigrationList,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";

/** One Prisma schema file: its path (used in error messages) and its text. */
export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * The same registry the Prisma CLI installs (`WasmPanicRegistry` in
 * `@prisma/internals`): the wasm glue calls `set_message` from its panic hook,
 * before the panic surfaces as a `RuntimeError` ("unreachable").
 */
class WasmPanicRegistry {
  private message = "";
  get(): string {
    return `${this.message}`;
  }
  set_message(value: string): void {
    this.message = `RuntimeError: ${value}`;
  }
}

interface PanicRegistryHolder {
  PRISMA_WASM_PANIC_REGISTRY?: { set_message(value: string): void };
}

const panicRegistry = new WasmPanicRegistry();

/** (Re)installs our panic registry; `@prisma/client` installs its own on import. */
function installPanicRegistry(): void {
  (globalThis as PanicRegistryHolder).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
}

type SchemaEngineClass = typeof SchemaEngine;

/** The slice of the `WebAssembly` global used here (this project's TS libs do not declare it). */
interface WebAssemblyApi {
  instantiate(bytes: Uint8Array, imports: Record<string, object>): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

function webAssembly(): WebAssemblyApi {
  return (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
}

type SchemaEngineGlue = typeof SchemaEngineGlueModule;

/**
 * Per process, not per module instance: the glue is one Node module shared by every
 * bundle or test project that loads this file, and wasm-bindgen keeps its state there.
 */
interface ProcessEngineState {
  engineClass?: Promise<SchemaEngineClass>;
  queue: Promise<unknown>;
}
const processState: ProcessEngineState = ((globalThis as Record<symbol, ProcessEngineState | undefined>)[Symbol.for("coop-tracker.schema-engine")] ??= {
  queue: Promise.resolve(),
});

/** Runs engine work one call at a time: interleaved calls corrupt the shared wasm memory. */
export function oneEngineCallAtATime<T>(call: () => Promise<T>): Promise<T> {
  const result = processState.queue.then(call, call);
  processState.queue = result.catch(() => undefined);
  return result;
}

/** Instantiates the wasm module once per process; a second instantiation would break the first. */
function loadSchemaEngineClass(): Promise<SchemaEngineClass> {
  processState.engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package's `exports` do not include `./package.json`; its glue file sits next to the wasm.
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    // The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`
    // (wasm-bindgen's bundler target), which Node cannot load; wire the module up by hand.
    const glue: SchemaEngineGlue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.readFile(path.join(packageDir, "schema_engine_bg.wasm"));
    // The wasm imports everything from the module "./schema_engine_bg.js", i.e. the glue,
    // except that its timers are unref'ed (see `unrefSetTimeout`).
    const imports: Record<string, unknown> = { ...glue };
    for (const name of Object.keys(imports)) {
      if (name.startsWith("__wbg_setTimeout_")) imports[name] = unrefSetTimeout;
    }
    const { instance } = await webAssembly().instantiate(bytes, { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    const start = instance.exports["__wbindgen_start"];
    if (typeof start === "function") (start as () => void)();
    return glue.SchemaEngine;
  })();
  processState.engineClass.catch(() => {
    processState.engineClass = undefined;
  });
  return processState.engineClass;
}

/**
 * The engine arms timeouts with `setTimeout` and never clears them (the glue has no
 * `clearTimeout`), which kept the process alive for ~10 s after every command. Its timers
 * are unref'ed instead, and a ref'ed keep-alive is held while any engine call is pending,
 * so Node neither exits mid-command nor waits for stale timeouts afterwards.
 */
function unrefSetTimeout(callback: () => void, delay: number): NodeJS.Timeout {
  return setTimeout(callback, delay >>> 0).unref();
}

let pendingCalls = 0;
let keepAlive: NodeJS.Timeout | undefined;

async function keepingAlive<T>(call: () => Promise<T>): Promise<T> {
  pendingCalls += 1;
  keepAlive ??= setInterval(() => {}, 60_000);
  try {
    return await call();
  } finally {
    pendingCalls -= 1;
    if (pendingCalls === 0 && keepAlive) {
      clearInterval(keepAlive);
      keepAlive = undefined;
    }
  }
}

export interface OpenSchemaEngineOptions {
  /** Driver adapter factory for the target database; its `connectToShadowDb` serves as the shadow database. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Prisma schema files, if the commands used need the datamodel/datasource (may be omitted for `applyMigrations`). */
  schemaFiles?: SchemaFile[];
  /** Receives the engine's log/trace lines (JSON strings). */
  log?: (line: string) => void;
}

export interface SchemaEngineHandle {
  /** The raw engine. Call methods on it directly (`engine.diff(...)`) so `this` stays bound. */
  readonly engine: SchemaEngine;
  /** The bound adapter factory handed to the engine. */
  readonly adapterFactory: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
  /**
   * Runs one engine command; rejections become an `Error` with a readable message
   * (engine error code and text, the driver's original error, or the panic message).
   */
  run<T>(command: string, call: (engine: SchemaEngine) => Promise<T>): Promise<T>;
  /** Frees the engine. Does not dispose adapters (the caller owns the database connections). */
  close(): void;
}

/** Creates a schema engine bound to a driver adapter factory (wrapped by `bindMigrationAwareSqlAdapterFactory`). */
export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<SchemaEngineHandle> {
  assertNotPoisoned();
  const SchemaEngineClass = await loadSchemaEngineClass();
  installPanicRegistry();
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(options.adapterFactory);
  const errorRegistry = adapterFactory.errorRegistry;
  const toError = (error: unknown, command: string) => describeEngineError(error, command, errorRegistry);

  // Note: `datamodels` must be either `undefined` or a non-empty list of [path, content].
  const datamodels = options.schemaFiles?.length ? options.schemaFiles.map((file): [string, string] => [file.path, file.content]) : undefined;
  const log = options.log ?? (() => {});
  let engine: SchemaEngine;
  try {
    engine = await keepingAlive(() => SchemaEngineClass.new({ datamodels }, (line: string) => log(line), adapterFactory));
  } catch (error) {
    throw toError(error, "start");
  }

  let closed = false;
  return {
    engine,
    adapterFactory,
    async run(command, call) {
      if (closed) throw new Error(`Schema engine: "${command}" called after close()`);
      assertNotPoisoned();
      installPanicRegistry();
      try {
        return await keepingAlive(() => call(engine));
      } catch (error) {
        throw toError(error, command);
      }
    },
    close() {
      if (closed) return;
      closed = true;
      // After a panic the wasm instance is unusable; even `free` would trap.
      if (panicMessage === undefined) engine.free();
    },
  };
}

/** Reads a Prisma schema: one `.prisma` file, or every `.prisma` file under a folder (multi-file schema). */
export async function readSchemaFiles(schemaPath: string): Promise<SchemaFile[]> {
  const absolute = path.resolve(schemaPath);
  const stat = await fs.stat(absolute).catch(() => null);
  if (!stat) throw new Error(`Prisma schema not found at ${absolute}`);
  if (stat.isFile()) return [{ path: absolute, content: await fs.readFile(absolute, "utf8") }];
  const entries = await fs.readdir(absolute, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".prisma"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (files.length === 0) throw new Error(`No .prisma files found in ${absolute}`);
  return Promise.all(files.map(async (file) => ({ path: file, content: await fs.readFile(file, "utf8") })));
}

/**
 * A wasm panic leaves the (single, process-wide) wasm instance in an undefined state: later
 * calls fail with "recursive use of an object detected" thrown outside any promise, which would
 * crash the process. So after a panic every engine call is refused with a clear error instead.
 */
let panicMessage: string | undefined;

function assertNotPoisoned(): void {
  if (panicMessage !== undefined) {
    throw new SchemaEngineError(
      `The schema engine panicked earlier in this process (${panicMessage.replace(/\s+/g, " ")}); restart the process to use it again`,
    );
  }
}

/** Error raised for a failed engine command; `code` is the Prisma error code (e.g. P3018) when known. */
export class SchemaEngineError extends Error {
  override name = "SchemaEngineError";
  constructor(
    message: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface ErrorLookup {
  consumeError(id: number): { error: unknown } | undefined;
}

function describeEngineError(error: unknown, command: string, registry: ErrorLookup): SchemaEngineError {
  const raw = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const message = stripSpanTrace(typeof raw.message === "string" ? raw.message : String(error));
  const code = typeof raw.code === "string" ? raw.code : undefined;

  if (raw.name === "RuntimeError") {
    const panic = panicRegistry.get() || message;
    panicMessage = panic;
    return new SchemaEngineError(`Schema engine panicked during ${command}: ${panic}`, undefined, { cause: error });
  }
  // Errors thrown by JavaScript driver code (not mapped to a driver error kind) are kept in
  // the bound adapter's registry; the engine only reports "External error id#<n>".
  const external = /External error id#(\d+)/.exec(message);
  const jsError = external?.[1] === undefined ? undefined : registry.consumeError(Number(external[1]))?.error;
  if (external && jsError !== undefined) {
    const jsMessage = jsError instanceof Error ? jsError.message : String(jsError);
    const jsCode = typeof jsError === "object" && jsError !== null && "code" in jsError ? jsError.code : undefined;
    const suffix = typeof jsCode === "string" && !jsMessage.includes(jsCode) ? ` (${jsCode})` : "";
    return new SchemaEngineError(message.replace(external[0], `${jsMessage}${suffix}`), code, { cause: jsError });
  }
  return new SchemaEngineError(message, code, { cause: error });
}

/** Drops the engine's span trace ("   0: schema_engine_wasm::...\n   at ....rs:242") appended to messages. */
function stripSpanTrace(message: string): string {
  const trace = /\n\s*0: [\w:]+(?:\n|$)/.exec(message);
  return (trace ? message.slice(0, trace.index) : message).trimEnd();
}
