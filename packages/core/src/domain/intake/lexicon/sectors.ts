/** Words that place cooperation in a sector of prisma/seed/sectors.json, in the notation of lexicon/countries.ts;
 * a form in capitals matches only words in capitals ("AI", not the Portuguese "aí"). */
export const SECTOR_LEXICON: Record<string, string[]> = {
  cybersecurity: [
    "cybersecurity", "cyber security", "cyber", "cybercrime", "cyberthreats?", "information security", "digital defense", "digital defence",
    "cybersecurite", "cybercriminalite", "securite informatique", "securite de l information", "ciberseguranca", "cibercrime", "seguranca informatica",
    "кибербезопасност*", "информационн* безопасност*", "киберпреступност*",
  ],
  "artificial-intelligence": ["artificial intelligence", "AI", "intelligence artificielle", "IA", "inteligencia artificial", "искусственн* интеллект*", "ИИ"],
  telecommunications: ["telecommunications?", "telecoms?", "télécommunications?", "telecomunicacoes", "телекоммуникац*", "broadband"],
  "digital-government": [
    "digitization", "digitisation", "digitalization", "digitalisation", "digital transformation", "e government", "e governance", "digital economy",
    "numerisation", "transformation numerique", "economie numerique", "digitalizacao", "transformacao digital", "governo eletronico", "цифровизац*", "цифров* трансформац*", "электронн* правительств*",
  ],
  energy: [
    "energy", "nuclear", "atomic", "power plant", "power station", "electricity", "solar", "uranium", "energie", "nucleaire", "atomique", "centrale", "electricite", "solaire",
    "energia", "atomica", "eletricidade", "electricidade", "энергетик*", "атомн*", "аэс", "электростанц*", "электроэнерг*", "уран*",
  ],
  space: ["space", "satellites?", "spatial", "spatiale", "espacial", "satelites?", "космос*", "космическ*", "спутник*"],
  "research-and-education": [
    "education", "educational", "university", "universities", "research", "scholarships?", "studies center", "studies centre", "science",
    "enseignement", "universite", "recherche", "bourses", "educacao", "ensino", "universidade", "pesquisa", "bolsas", "образовани*", "университет*", "наук*", "исследовани*",
  ],
  "skills-and-training": [
    "training", "trainings", "up skill", "upskill", "skills", "capacity building", "formation", "formacao", "formar", "capacitacao", "обучени*", "подготовк* кадров", "подготовк* специалистов", "квалификац*",
  ],
  "defence-and-security": ["defence", "defense", "military", "armed forces", "defense nationale", "militaire", "defesa", "militar", "оборон*", "военн*", "военно техническ*"],
  agriculture: ["agriculture", "agricultural", "farming", "farm", "agricole", "agricultura", "agricola", "сельск* хозяйств*", "сельскохозяйственн*", "агро*"],
  manufacturing: ["manufacturing", "industrial production", "industrie manufacturiere", "industria transformadora", "промышленн* производств*"],
};
