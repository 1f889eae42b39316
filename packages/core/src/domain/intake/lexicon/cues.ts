import type { AgreementKind, LifecycleStatus } from "../../../generated/prisma/enums";

/**
 * Words that say what kind of cooperation a report describes and how far it has gone, in the
 * notation of lexicon/countries.ts. A document names the kind ("memorandum" → MOU); an action
 * moves the lifecycle ("signed" → SIGNED, "discussed" → UNDER_NEGOTIATION); a meeting says
 * people met (kind TALKS) without saying that anything was agreed.
 */
export type Cue =
  | { role: "document"; kind: AgreementKind }
  | { role: "action"; status: LifecycleStatus; kind: AgreementKind }
  | { role: "meeting"; kind: "TALKS" };

const documents: Record<AgreementKind, string[]> = {
  MOU: [
    "memorandum of understanding", "memoranda of understanding", "memorandums of understanding", "memorandum", "memoranda", "memorandums", "mous?", "mou s", "moa",
    "memorandum d entente", "memorandum de cooperation", "protocole d accord", "protocoles d accord", "memorandum", "memorandums",
    "memorando de entendimento", "memorandos de entendimento", "memorandos?",
    "меморандум*", "меморандум* о взаимопонимании",
  ],
  AGREEMENT: [
    "agreements?", "accords?", "deals?", "pacts?", "partnership agreements?", "documents?",
    "accords?", "conventions?", "accord de cooperation", "accords de cooperation", "accord de partenariat",
    "acordos?", "acordo de cooperacao", "protocolos?",
    "соглашени*", "документ*", "договоренност*",
  ],
  TREATY: ["treat(?:y|ies)", "traites?", "tratados?", "договор", "договора", "договоре", "договором"],
  CONTRACT: ["contracts?", "contrats?", "contratos?", "контракт*"],
  JOINT_STATEMENT: ["joint statements?", "joint declarations?", "declaration conjointe", "declaration commune", "declaracao conjunta", "совместн* заявлени*", "совместн* декларац*"],
  TALKS: [],
  PROGRAMME: [
    "road maps?", "roadmaps?", "action plans?", "plan of action", "feuille de route", "feuilles de route", "plan d action",
    "cooperation plan", "plan of cooperation", "plan de cooperation", "plano de cooperacao",
    "roteiro", "plano de acao", "дорожн* карт*", "план* действии", "план* сотрудничеств*", "программ* сотрудничества",
  ],
};

const actions: { status: LifecycleStatus; kind: AgreementKind; forms: string[] }[] = [
  {
    status: "SIGNED",
    kind: "AGREEMENT",
    forms: [
      "signed", "signs", "signing", "inked", "inks", "concluded", "initialled", "initialed", "sealed",
      "signe", "signee", "signes", "signees", "signent", "ont signe", "a signe", "paraphe", "paraphes", "conclu", "conclus", "signature",
      "assinaram", "assinou", "assinado", "assinados", "assinada", "assinadas", "rubricaram", "rubricados", "rubricado", "firmaram", "subscrito", "subscritos", "assinatura",
      "подписал*", "подписан*", "подписани*", "заключил*", "заключен*", "утвердил*",
      "approved", "adopted", "approuve", "approuvee", "adopte", "adoptee", "aprovaram", "aprovou", "aprovado", "adotaram",
    ],
  },
  { status: "IN_FORCE", kind: "AGREEMENT", forms: ["entered into force", "came into force", "entre en vigueur", "est entre en vigueur", "entrou em vigor", "вступил* в силу"] },
  { status: "IMPLEMENTING", kind: "PROGRAMME", forms: ["launched construction", "began construction", "started construction", "lance les travaux", "ont lance", "iniciaram a construcao", "начал* строительств*"] },
  { status: "SUSPENDED", kind: "AGREEMENT", forms: ["suspended", "suspendu", "suspendus", "suspenso", "suspensos", "приостановил*"] },
  { status: "CANCELLED", kind: "AGREEMENT", forms: ["cancelled", "canceled", "terminated", "annule", "annules", "cancelado", "cancelados", "расторг*", "отменил*"] },
  {
    status: "UNDER_NEGOTIATION",
    kind: "TALKS",
    forms: [
      "discussed", "discuss", "discussing", "discussions?", "talks", "negotiations?", "negotiating", "negotiate", "negotiated",
      "discute", "discutent", "discuter", "discussions?", "engage des discussions", "negociations?", "negocier", "pourparlers", "entretiens",
      "discutiram", "discutir", "negociacoes", "negociacao", "negociar", "conversacoes",
      "обсудил*", "обсуждени*", "обсуждают", "обсуждали", "переговор*",
    ],
  },
  { status: "PROPOSED", kind: "TALKS", forms: ["proposed", "offered", "propose", "proposes", "a propose", "propoe", "ofereceu", "предложил*"] },
  {
    status: "ANNOUNCED",
    kind: "TALKS",
    forms: [
      "committed", "pledged", "agreed", "have agreed", "announced",
      "se sont engages", "engage", "engages", "convenu", "ont convenu", "annonce",
      "comprometeram", "acordaram", "anunciou", "anunciaram",
      "договорил*", "согласовал*", "объявил*", "условились",
    ],
  },
];

const meetings = [
  "met", "meets", "meeting", "courtesy call", "visit", "visited", "greets", "greeted", "received", "hosted", "audience",
  "rencontre", "rencontres", "a rencontre", "recu", "audience", "visite", "entretien",
  "reuniu", "reuniram", "encontro", "reuniao", "visita", "recebeu",
  "встретил*", "встреч*", "визит*", "принял*",
];

/** Every cue as a lexicon entry. */
export function* cueEntries(): Generator<{ form: string; value: Cue }> {
  for (const [kind, forms] of Object.entries(documents) as [AgreementKind, string[]][]) {
    for (const form of forms) yield { form, value: { role: "document", kind } };
  }
  for (const action of actions) {
    for (const form of action.forms) yield { form, value: { role: "action", status: action.status, kind: action.kind } };
  }
  for (const form of meetings) yield { form, value: { role: "meeting", kind: "TALKS" } };
}

/** How far along the lifecycle a status is: the furthest one a report states wins. */
export const STATUS_RANK: Record<LifecycleStatus, number> = {
  ANNOUNCED: 1, PROPOSED: 2, UNDER_NEGOTIATION: 3, SIGNED: 4, IN_FORCE: 5, IMPLEMENTING: 6, COMPLETED: 7, SUSPENDED: 8, CANCELLED: 9,
};

/** Words shortly before an action that make it a plan, not a fact: "will sign", "va signer", "подпишут". */
export const FUTURE_WORDS = new Set([
  "will", "to", "expected", "plan", "plans", "planned", "set", "shall", "would", "could", "may", "might", "intend", "intends",
  "va", "vont", "devrait", "devraient", "doit", "doivent", "prevoit", "pour",
  "vai", "vao", "deve", "devem", "ira", "irao", "pretende", "para",
  "будут", "будет", "планируют", "планирует", "намерены", "намерен", "могут", "может", "собираются", "чтобы", "для",
]);

/** Words shortly before an action that deny it: "did not sign", "n'a pas signé", "não assinou", "не подписали". */
export const NEGATION_WORDS = new Set(["not", "never", "no", "pas", "jamais", "nao", "nunca", "не", "ни"]);

/** Words that make a sentence about an earlier time than the report's event. */
export const BACKGROUND_FORMS = [
  "last year", "previously", "earlier", "in the past", "builds on", "building on", "builds upon", "building upon", "based on the", "had signed", "had met", "had agreed", "had discussed", "had been", "since",
  "l an dernier", "l annee derniere", "s appuie sur", "dans le prolongement", "auparavant", "precedemment", "avaient", "avait", "depuis",
  "no ano passado", "anteriormente", "na sequencia", "tinham", "haviam", "desde",
  "в прошлом году", "ранее", "прежде", "с тех пор",
];
