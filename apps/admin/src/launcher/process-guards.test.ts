import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const guards = path.join(import.meta.dirname, "process-guards.ts");

/** Runs a small server-like process that leaves one rejection unhandled, then carries on. */
async function runProcess(withGuard: boolean) {
  const script = `
    ${withGuard ? `const { logUnhandledRejections } = await import(${JSON.stringify(guards)}); logUnhandledRejections();` : ""}
    void Promise.reject(new Error("an import row failed unexpectedly"));
    setTimeout(() => console.log("still serving"), 100);`;
  return promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe("the web server process", () => {
  it("logs an unhandled rejection and keeps serving", async () => {
    const guarded = await runProcess(true);
    expect(guarded).toMatchObject({ code: 0, stdout: "still serving\n" });
    expect(guarded.stderr).toContain("Unhandled promise rejection (still serving): Error: an import row failed unexpectedly");
    // Without the guard, Node ends the process: what the guard is there to prevent.
    expect(await runProcess(false)).toMatchObject({ code: 1, stdout: "" });
  });
});
