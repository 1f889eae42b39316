import { describe, expect, it } from "vitest";
import { explainStartFailure, type StartFailure } from "./embedded-failures";

const base: StartFailure = {
  error: undefined,
  log: [],
  databaseDir: "/srv/coop/.data/postgres",
  binary: "/srv/coop/native/bin/postgres",
  port: 54321,
  systemUser: "postgres",
};

function errno(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} ${path}`), { code, syscall, path });
}

describe("explainStartFailure", () => {
  it("names a binary the system user may not execute", () => {
    const text = explainStartFailure({ ...base, error: errno("EACCES", "spawn /root/app/native/bin/initdb", "/root/app/native/bin/initdb") });
    expect(text).toMatch(/^The embedded PostgreSQL server could not be run: the postgres system user may not execute \/root\/app\/native\/bin\/initdb\./);
    expect(text).toContain("DATABASE_URL");
  });

  it("names missing binaries and the reinstall", () => {
    const text = explainStartFailure({ ...base, error: errno("ENOENT", "stat", "/srv/coop/native/bin/postgres") });
    expect(text).toMatch(/is not installed: \/srv\/coop\/native\/bin\/postgres does not exist\. Reinstall with `pnpm install --frozen-lockfile`/);
  });

  it("names a full disk from the server's log", () => {
    const log = ['2026-11-30 03:00:00.000 UTC [42] FATAL:  could not write to file "pg_wal/xlogtemp.42": No space left on device'];
    expect(explainStartFailure({ ...base, log })).toMatch(/the disk holding \/srv\/coop\/\.data\/postgres is full\. Free some space there, set COOP_DATA_DIR/);
  });

  it("names a taken port and how to find its owner", () => {
    const log = ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use', "FATAL:  could not create any TCP/IP sockets"];
    expect(explainStartFailure({ ...base, log })).toMatch(/could not listen on 127\.0\.0\.1:54321: the port is taken\. .*ss -ltnp \| grep 54321/);
  });

  it("names a missing locale and the package that brings it", () => {
    const error = new Error('Postgres init script failed (code: 1, signal: null). ERROR OUTPUT: initdb: error: invalid locale name "C.UTF-8"');
    expect(explainStartFailure({ ...base, error })).toMatch(/needs the C\.UTF-8 locale, which this system lacks\. .*apt-get install -y locales/);
  });

  it("names an unwritable data directory", () => {
    const error = errno("ENOTDIR", "mkdir", "/srv/coop/.data");
    expect(explainStartFailure({ ...base, error })).toMatch(/files could not be prepared: ENOTDIR: mkdir \/srv\/coop\/\.data\. Set COOP_DATA_DIR/);
  });

  it("falls back to the server's last fatal line, in one paragraph", () => {
    const log = ["LOG:  starting PostgreSQL 18.4", "FATAL:  could not map anonymous shared memory: Cannot allocate memory"];
    const text = explainStartFailure({ ...base, log });
    expect(text).toContain("did not start: FATAL:  could not map anonymous shared memory: Cannot allocate memory.");
    expect(text).not.toContain("\n");
  });
});
