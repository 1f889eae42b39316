import { describe, expect, it } from "vitest";
import { listPublishedAgreements, publicAgreementSummarySelect, toPublicAgreementSummary } from "@coop/core/domain";
import { useTestDatabase } from "../support/database";
import { apiAs, sampleAgreementInput, userActor } from "../support/records";

const database = useTestDatabase();

describe("the public summary projection", () => {
  // Lists read summaries through hand-written SQL, single records through the Prisma select:
  // a field added to one and not the other makes these differ.
  it("reads the same fields, parts and values through the SQL column list as through the Prisma select", async () => {
    const { db } = database;
    const editor = await userActor(db, "EDITOR");
    const created = await apiAs(db, editor).agreement.create({
      data: sampleAgreementInput({ venue: "Nairobi", event: "Space week", amount: 1250000.5, currency: "USD" }),
    });
    const organization = await db.organization.create({
      data: { slug: "ke-space-agency", name: "Kenya Space Agency", kind: "GOVERNMENT_BODY", countryCode: "KE" },
    });
    await db.agreementParty.updateMany({
      where: { agreementId: created.id, side: "AFRICA" },
      data: { organizationId: organization.id, representativeName: "A. Minister", representativeTitle: "Minister" },
    });
    await db.translation.create({
      data: { agreementId: created.id, locale: "FR", title: "Station au sol", summary: "Résumé", venue: "Nairobi", event: "Semaine spatiale" },
    });

    await db.agreement.update({ where: { id: created.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });

    const row = await db.agreement.findUniqueOrThrow({ where: { id: created.id }, select: publicAgreementSummarySelect });
    for (const lang of ["en", "fr"] as const) {
      const throughPrisma = toPublicAgreementSummary(row, lang);
      const page = await listPublishedAgreements(db, { limit: 100, lang });
      const throughSql = page.items.find((item) => item.id === created.id);
      expect(throughSql, lang).toEqual(throughPrisma);
    }
  });
});
