import { findFreePort } from "@coop/core/lifecycle";
import { launchServer } from "@coop/admin/launcher";
import { failed, faultDatabase, faultRecordData, postJson, proved, writerToken } from "./harness";

const SAVES = 50;

/**
 * 50 editors save one record at once, all from the same version, over HTTP: exactly one
 * save wins, the 49 others get CONFLICT (409), and the record, its revisions and its audit
 * trail hold the winner's save and nothing else.
 */
export async function concurrentSaves(): Promise<void> {
  const database = await faultDatabase();
  try {
    const token = await writerToken(database.db);
    const server = await launchServer({ port: await findFreePort(), databaseUrl: database.url, seed: false });
    try {
      const headers = { authorization: `Bearer ${token}` };
      const created = await postJson(
        `${server.url}/api/trpc/agreement.create`,
        JSON.stringify({ confirmNotDuplicate: true, data: faultRecordData("Conflict test record") }),
        headers,
      );
      if (created?.status !== 200) throw new Error(`creating the record answered ${created?.status ?? "nothing"}: ${created?.body ?? ""}`);
      const { id, version } = (JSON.parse(created.body) as { result: { data: { id: string; version: number } } }).result.data;

      const titles = Array.from({ length: SAVES }, (_, n) => `Conflict test record, save ${n}`);
      const answers = await Promise.all(
        titles.map((title) =>
          postJson(`${server.url}/api/trpc/agreement.update`, JSON.stringify({ id, expectedVersion: version, data: faultRecordData(title) }), headers),
        ),
      );
      const statuses = new Map<number, number>();
      for (const answer of answers) statuses.set(answer?.status ?? 0, (statuses.get(answer?.status ?? 0) ?? 0) + 1);
      const winners = answers.flatMap((answer, n) => (answer?.status === 200 ? [titles[n]] : []));
      const conflictCodes = answers.filter((answer) => answer?.status === 409 && answer.body.includes('"CONFLICT"')).length;

      const stored = await database.db.agreement.findUniqueOrThrow({ where: { id }, select: { title: true, version: true } });
      const revisions = await database.db.revision.count({ where: { agreementId: id } });
      const audited = await database.db.auditLog.count({ where: { entityId: id, action: "agreement.update" } });
      const details = {
        saves: SAVES,
        statuses: Object.fromEntries(statuses),
        winners: winners.length,
        conflicts: conflictCodes,
        storedVersion: stored.version,
        storedTitleIsWinners: stored.title === winners[0],
        revisions,
        updateAuditRows: audited,
      };
      const ok =
        winners.length === 1 &&
        conflictCodes === SAVES - 1 &&
        stored.title === winners[0] &&
        stored.version === version + 1 &&
        revisions === 2 &&
        audited === 1;
      if (!ok) failed("concurrent saves", details);
      proved(
        "concurrent saves",
        `of ${SAVES} simultaneous saves of version ${version}, 1 won and ${conflictCodes} got 409 CONFLICT; the record holds the winner's title at version ${stored.version}, with 1 new revision and 1 audit row`,
        details,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}
