import type { Actor } from "@coop/core/domain";
import type { Db } from "@coop/core/db";
import type { TAgreementInput } from "@coop/core/validators";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { createTestUser } from "./auth";

/** A complete, publishable record in the editor's input shape. */
export function sampleAgreementInput(overrides: Partial<TAgreementInput> = {}): TAgreementInput {
  return {
    title: `Kenya and Russia agree on a satellite ground station ${Math.random().toString(36).slice(2, 8)}`,
    summary: "A ground station for Earth observation, with training for Kenyan engineers.",
    kind: "AGREEMENT",
    status: "SIGNED",
    signedOn: "2025-06-12",
    sectors: ["space", "skills-and-training"],
    parties: [
      { countryCode: "KE", side: "AFRICA", role: "SIGNATORY" },
      { countryCode: "RU", side: "PARTNER", role: "SIGNATORY" },
    ],
    sources: [{ url: "https://news.example.org/ke-ru-ground-station", publisher: "Example News", publishedOn: "2025-06-13", language: "en" }],
    commitments: [{ description: "Train 200 engineers", quantity: 200, unit: "engineers", deadline: "2027", source: 0 }],
    statusChange: { occurredOn: "2025-06-12", source: 0 },
    ...overrides,
  };
}

export async function userActor(db: Db, role: "ADMIN" | "EDITOR" | "CONTRIBUTOR"): Promise<Extract<Actor, { kind: "user" }>> {
  const user = await createTestUser(db, role);
  return { kind: "user", userId: user.id, email: user.email, name: user.name, role, mustChangePassword: false, sessionId: "test", ip: null };
}

/** The tRPC API in process, as `actor`. */
export function apiAs(db: Db, actor?: Actor) {
  return createCaller(createContextInner({ db, actor }));
}
