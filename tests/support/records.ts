import type { Actor } from "@coop/core/domain";
import type { Db } from "@coop/core/db";
import type { TAgreementInput } from "@coop/core/validators";
import { createCaller, createContextInner } from "@coop/core/trpc";
import { createTestUser } from "./auth";

/** A complete, publishable record in the editor's input shape. */
export function sampleAgreementInput(overrides: Partial<TAgreementInput> = {}): TAgreementInput {
  return {
    // A tail of twelve random characters: with six, two samples sharing a few of them were 85 % alike, strong look-alikes.
    title: `Kenya and Russia agree on a satellite ground station ${Math.random().toString(36).slice(2, 14).padEnd(12, "0")}`,
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

/** Words only the stored report holds (not its excerpt, not a quote): a public answer that carries them leaks a source's text. */
export const PRIVATE_REPORT_WORDS = "ZX-PRIVATE-7731";

const HERALD_LEAD = "HARARE, 13 May 2025 — Zimbabwe and Russia signed a memorandum of understanding on cybersecurity training on Monday, 12 May 2025.";
const HERALD_TEXT =
  `${HERALD_LEAD} ` +
  'Under the deal, Russian instructors will train 500 Zimbabwean engineers by 2027 at a new academy the ministry calls "<b>CyberZim</b> Academy". ' +
  `An aide, speaking on condition of anonymity, gave the file number ${PRIVATE_REPORT_WORDS}.`;
const COURRIER_TEXT = "Le Zimbabwe et la Russie ont signé lundi un protocole d'accord sur la formation en cybersécurité.";

/** A publishable record whose facts cite two reports (one quote holding markup), each report's whole text stored. */
export function citedAgreementInput(slugWord: string): TAgreementInput {
  return sampleAgreementInput({
    title: `Zimbabwe and Russia sign a cybersecurity training memorandum (${slugWord})`,
    summary: "Russian instructors are to train 500 Zimbabwean engineers by 2027.",
    kind: "MOU",
    status: "SIGNED",
    signedOn: "2025-05-12",
    sectors: ["cybersecurity", "skills-and-training"],
    parties: [
      { countryCode: "ZW", side: "AFRICA", role: "SIGNATORY" },
      { countryCode: "RU", side: "PARTNER", role: "SIGNATORY" },
    ],
    sources: [
      {
        url: "https://herald.example.org/zw-ru-cyber-training",
        publisher: "Harare Wire",
        publishedOn: "2025-05-13",
        language: "en",
        excerpt: HERALD_LEAD,
        text: HERALD_TEXT,
      },
      {
        url: "https://courrier.example.org/zimbabwe-russie",
        publisher: "Le Courrier de Moscou",
        publishedOn: "2025-05-14",
        language: "fr",
        text: COURRIER_TEXT,
      },
    ],
    commitments: [{ description: "Train 500 Zimbabwean engineers", quantity: 500, unit: "engineers", deadline: "2027", source: 0 }],
    translations: [
      {
        locale: "FR",
        title: `Le Zimbabwe et la Russie signent un protocole sur la formation en cybersécurité (${slugWord})`,
        summary: "Des instructeurs russes doivent former 500 ingénieurs zimbabwéens d'ici 2027.",
      },
    ],
    statusChange: { occurredOn: "2025-05-12", source: 0 },
    citations: [
      { field: "signedOn", source: 0, quote: "signed a memorandum of understanding on cybersecurity training on Monday, 12 May 2025" },
      { field: "kind", source: 1, quote: "protocole d'accord" },
      { field: "parties.0.countryCode", source: 0, quote: "Zimbabwe and Russia signed" },
      { field: "parties.1.countryCode", source: 1, quote: "la Russie ont signé lundi" },
      { field: "sectors.0", source: 0, quote: "cybersecurity training" },
      { field: "sectors.1", source: 0, quote: 'will train 500 Zimbabwean engineers by 2027 at a new academy the ministry calls "<b>CyberZim</b> Academy"' },
      { field: "commitments.0.quantity", source: 0, quote: "will train 500 Zimbabwean engineers" },
    ],
  });
}

/** Creates `data` as a contributor and publishes it with an editor's approval, the way a record reaches readers. */
export async function publishThroughReview(db: Db, data: TAgreementInput) {
  const contributor = await userActor(db, "CONTRIBUTOR");
  const draft = await apiAs(db, contributor).agreement.create({ data, confirmNotDuplicate: true });
  await apiAs(db, contributor).agreement.transition({ id: draft.id, expectedVersion: draft.version, action: "submit" });
  return apiAs(db, await userActor(db, "EDITOR")).agreement.transition({ id: draft.id, expectedVersion: draft.version + 1, action: "approve" });
}
