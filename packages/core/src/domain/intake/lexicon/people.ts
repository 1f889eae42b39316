/**
 * Words that make a name a person with a role, lower-cased without accents. A title head
 * ("minister", "ministre", "министр*") starts a title; a modifier may stand before it
 * ("deputy", "acting", "генеральн*"); an honorific marks a name ("Mr", "M.", "г-н").
 */
export const TITLE_HEADS = [
  "minister", "ministers", "president", "presidents", "counterpart", "counterparts", "vice president", "ambassador", "director", "ceo", "chairman", "chairperson", "chairwoman", "secretary", "governor",
  "prime minister", "premier", "head", "founder", "commissioner", "spokesperson", "spokesman", "spokeswoman", "envoy", "chief", "specialist",
  "officer", "manager", "executive", "adviser", "advisor", "general", "colonel", "captain", "leader", "mayor", "rector", "chancellor", "representative",
  "ministre", "ministres", "presidents", "homologue", "homologues", "president", "presidente", "ambassadeur", "ambassadrice", "directeur", "directrice", "secretaire", "gouverneur", "chef",
  "fondateur", "commissaire", "porte parole", "conseiller", "conseillere", "capitaine", "recteur", "pdg", "representant",
  "ministro", "ministra", "ministros", "presidentes", "homologo", "homologos", "embaixador", "embaixadora", "diretor", "diretora", "secretario", "secretaria", "governador", "chefe",
  "fundador", "comissario", "porta voz", "conselheiro", "coronel", "capitao", "reitor", "representante",
  "министр*", "президент*", "коллег*", "посол", "посла", "послом", "после", "послу", "директор*", "гендиректор*", "председател*", "заместител*", "замминистр*", "премьер*",
  "руководител*", "генерал*", "губернатор*", "ректор*", "основател*", "глава", "главы", "главой", "главе", "спикер*", "представител*",
];

export const TITLE_MODIFIERS = [
  "deputy", "acting", "first", "executive", "general", "interim", "former", "foreign", "vice", "senior", "permanent", "transitional",
  "adjoint", "adjointe", "delegue", "general", "generale", "interimaire", "premier", "premiere", "vice",
  "adjunto", "adjunta", "interino", "interina", "geral", "primeiro", "vice",
  "генеральн*", "перв*", "исполнительн*", "временн*", "заместител*",
];

export const HONORIFICS = ["mr", "mrs", "ms", "dr", "m", "mme", "mlle", "sr", "sra", "dona", "г", "гн", "his excellency", "her excellency", "h e", "he"];

/** Verbs that show a name is a person speaking: "Kambare said", "a déclaré M. Tsivilev", "заявил Лихачев". */
export const SPEECH_VERBS = [
  "said", "says", "told", "noted", "stated", "added", "remarked", "explained", "declared", "emphasized", "emphasised", "highlighted", "underlined", "stressed",
  "a declare", "declare", "affirme", "a affirme", "souligne", "a souligne", "indique", "a indique", "estime", "selon",
  "disse", "afirmou", "declarou", "referiu", "sublinhou", "segundo", "destacou",
  "заявил*", "сказал*", "отметил*", "подчеркнул*", "сообщил*", "рассказал*",
];

/** Words that never belong to a person's name: institutions, places, events, months. */
export const NOT_NAME_WORDS = new Set([
  "the", "minister", "ministry", "president", "presidency", "government", "republic", "federation", "union", "agency", "corporation", "company", "group",
  "council", "bank", "university", "centre", "center", "conference", "summit", "expo", "week", "forum", "development", "energy", "affairs", "defence",
  "defense", "posts", "telecommunications", "information", "communication", "services", "economy", "digital", "technology", "technologies", "security",
  "cyber", "national", "state", "house", "business", "commission", "joint", "permanent", "cooperation", "co", "operation", "african", "africa", "international",
  "atomic", "nuclear", "power", "plant", "consortium", "television", "radio", "news", "press", "media", "bureau", "department", "office", "authority",
  "industry", "military", "foreign", "trade", "education", "science", "research", "health", "agriculture", "mines", "mining", "quarries", "transport",
  "director", "general", "deputy", "ambassador", "secretary", "executive", "acting", "chief", "officer", "embassy", "studies", "world", "global", "tech",
  "stars", "sub", "saharan", "north", "south", "east", "west", "central", "day", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "memorandum", "understanding",
  "agreement", "treaty", "programme", "program", "project", "initiative", "institute", "school", "academy", "association", "alliance", "organisation",
  "organization", "parliament", "assembly", "court", "police", "forces", "army", "navy", "air", "force", "petersburg", "saint", "st", "photo", "picture",
  "ministre", "ministere", "gouvernement", "republique", "federation", "sommet", "semaine", "agence", "societe", "banque", "universite", "etudes",
  "ministro", "ministerio", "governo", "republica", "federacao", "cimeira", "empresa", "universidade", "estudos",
  "министр", "министерство", "правительство", "республика", "федерация", "саммит", "неделя", "форум", "корпорация", "компания", "университет",
  "in", "on", "at", "by", "for", "with", "and", "of", "a", "an", "this", "that", "these", "those", "it", "its", "his", "her", "their", "our", "we", "they",
  "he", "she", "during", "after", "before", "since", "while", "through", "furthermore", "however", "according", "under", "why", "what", "how", "when",
  "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cette", "lors", "selon", "o", "os", "as", "um", "uma", "em", "no", "na", "do", "da",
  "в", "на", "и", "по", "с", "о", "об", "для", "как", "это", "этот", "при", "после", "также",
]);
