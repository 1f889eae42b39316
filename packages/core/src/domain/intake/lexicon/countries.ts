/**
 * How reports name the states the tracker knows, in English, French, Portuguese and Russian.
 *
 * Each form is a sequence of word patterns (spaces between words; a hyphen or apostrophe in
 * the text is a word break too). Patterns are compared with the text lower-cased, without
 * accents, with ё read as е and й as и; `*` stands for up to four more letters, which covers
 * plurals, genders and Russian case endings ("Росси*" reads Россия, России, Россию, Россией).
 * Names and capitals must start with a capital letter in the text; adjectives need not.
 */
export interface CountryLexiconEntry {
  code: string;
  /** The state's names: "Zimbabwe", "République du Congo", "Росси*". */
  names: string[];
  /** Adjectives and demonyms: "zimbabwean", "congolais*", "российск*". */
  adjectives: string[];
  /** Seats of government that stand for it: "Harare", "the Kremlin", "Минск*". */
  capitals: string[];
}

export const COUNTRY_LEXICON: CountryLexiconEntry[] = [
  {
    code: "RU",
    names: [
      "russia",
      "russian federation",
      "russie",
      "federation de russie",
      "russia",
      "russia",
      "federacao russa",
      "federacao da russia",
      "росси*",
      "российск* федераци*",
      "рф",
    ],
    adjectives: ["russians?", "russes?", "russ[oa]s?", "российск*", "русск*", "россиян*"],
    capitals: ["moscow", "moscou", "moscovo", "москв*", "kremlin", "кремл*"],
  },
  {
    code: "BY",
    names: [
      "belarus",
      "republic of belarus",
      "bielorussie",
      "belarus",
      "bielorrussia",
      "republica da bielorrussia",
      "беларус*",
      "белорусси*",
      "республик* беларусь",
    ],
    adjectives: ["belarusians?", "belarussians?", "byelorussians?", "bielorusses?", "bielorruss[oa]s?", "белорусск*", "белорус*"],
    capitals: ["minsk", "минск*"],
  },
  {
    code: "DZ",
    names: ["algeria", "algerie", "argelia", "алжир*"],
    adjectives: ["algerians?", "algerien*", "argelin[oa]s?", "алжирск*", "алжирц*"],
    capitals: ["algiers", "alger", "argel"],
  },
  {
    code: "AO",
    names: ["angola", "ангол*"],
    adjectives: ["angolans?", "angolais*", "angolan[oa]s?", "ангольск*", "анголец", "ангольц*"],
    capitals: ["luanda", "луанд*"],
  },
  {
    code: "BJ",
    names: ["benin", "бенин*"],
    adjectives: ["beninese", "beninois*", "beninense*", "бенинск*"],
    capitals: ["porto novo", "cotonou", "порто ново", "котону"],
  },
  {
    code: "BW",
    names: ["botswana", "botsuana", "ботсван*"],
    adjectives: ["botswanan", "batswana", "botswanais*", "botsuanes*", "ботсванск*"],
    capitals: ["gaborone", "габорон*"],
  },
  {
    code: "BF",
    names: ["burkina faso", "burkina", "буркина фасо"],
    adjectives: ["burkinabe", "burkinabes", "burkinab[eè]", "буркиниис*", "буркинийск*"],
    capitals: ["ouagadougou", "uagadugu", "уагадугу"],
  },
  {
    code: "BI",
    names: ["burundi", "бурунди"],
    adjectives: ["burundians?", "burundais*", "burundes*", "burundiano*", "бурундийск*"],
    capitals: ["gitega", "bujumbura", "гитега", "бужумбур*"],
  },
  {
    code: "CV",
    names: ["cape verde", "cabo verde", "cap vert", "кабо верде"],
    adjectives: ["cape verdeans?", "cap verdien*", "cabo verdian[oa]s?", "кабовердианск*"],
    capitals: ["praia", "прая"],
  },
  {
    code: "CM",
    names: ["cameroon", "cameroun", "camaroes", "камерун*"],
    adjectives: ["cameroonians?", "camerounais*", "camarones*", "камерунск*"],
    capitals: ["yaounde", "iaunde", "яунде"],
  },
  {
    code: "CF",
    names: ["central african republic", "republique centrafricaine", "centrafrique", "republica centro africana", "центральноафриканск* республик*", "цар"],
    adjectives: ["centrafricain*", "centro african[oa]s?"],
    capitals: ["bangui", "банги"],
  },
  {
    code: "TD",
    names: ["chad", "tchad", "chade", "чад*"],
    adjectives: ["chadians?", "tchadien*", "chadian[oa]s?", "чадск*"],
    capitals: ["n djamena", "ndjamena", "нджамен*"],
  },
  {
    code: "KM",
    names: ["comoros", "comores", "коморы", "коморск* остров*", "союз коморск* остров*"],
    adjectives: ["comorians?", "comorien*", "comoriano*", "коморск*"],
    capitals: ["moroni", "морони"],
  },
  {
    code: "CD",
    names: [
      "democratic republic of the congo",
      "democratic republic of congo",
      "dr congo",
      "drc",
      "republique democratique du congo",
      "rdc",
      "rd congo",
      "republica democratica do congo",
      "rdc",
      "демократическ* республик* конго",
      "дрк",
      "dem rep congo",
    ],
    adjectives: [],
    capitals: ["kinshasa", "киншас*"],
  },
  {
    code: "CG",
    names: [
      "republic of the congo",
      "republic of congo",
      "congo brazzaville",
      "congo",
      "republique du congo",
      "republica do congo",
      "республик* конго",
      "конго",
    ],
    adjectives: ["congolese", "congolais*", "congoles*", "конголезск*", "конголез*"],
    capitals: ["brazzaville", "браззавил*"],
  },
  {
    code: "CI",
    names: ["cote d ivoire", "ivory coast", "costa do marfim", "кот д ивуар*"],
    adjectives: ["ivorians?", "ivoirien*", "marfinense*", "ивуарийск*"],
    capitals: ["yamoussoukro", "abidjan", "ямусукро", "абиджан*"],
  },
  { code: "DJ", names: ["djibouti", "djibuti", "джибути"], adjectives: ["djiboutians?", "djiboutien*", "djibutian[oa]s?", "джибутийск*"], capitals: [] },
  {
    code: "EG",
    names: ["egypt", "egypte", "egito", "egipto", "египт*"],
    adjectives: ["egyptians?", "egyptien*", "egipci[oa]s?", "египетск*", "египтян*"],
    capitals: ["cairo", "le caire", "каир*"],
  },
  {
    code: "GQ",
    names: ["equatorial guinea", "guinee equatoriale", "guine equatorial", "экваториальн* гвине*"],
    adjectives: ["equatoguineans?", "equato guineen*", "equato guinean[oa]s?", "экваториальногвиней*"],
    capitals: ["malabo", "малабо"],
  },
  {
    code: "ER",
    names: ["eritrea", "erythree", "eritreia", "эритре*"],
    adjectives: ["eritreans?", "erythreen*", "eritreu", "eritreia", "эритрейск*"],
    capitals: ["asmara", "асмэр*", "асмар*"],
  },
  {
    code: "SZ",
    names: ["eswatini", "swaziland", "essuatini", "suazilandia", "эсватини", "свазиленд*"],
    adjectives: ["swazis?", "swazie?s?", "suazis?", "свазилендск*"],
    capitals: ["mbabane", "мбабане"],
  },
  {
    code: "ET",
    names: ["ethiopia", "ethiopie", "etiopia", "эфиопи*"],
    adjectives: ["ethiopians?", "ethiopien*", "etiope*", "эфиопск*", "эфиоп*"],
    capitals: ["addis ababa", "addis abeba", "адис абеб*", "аддис абеб*"],
  },
  { code: "GA", names: ["gabon", "gabao", "габон*"], adjectives: ["gabonese", "gabonais*", "gabones*", "габонск*"], capitals: ["libreville", "либревил*"] },
  {
    code: "GM",
    names: ["gambia", "the gambia", "gambie", "gambia", "гамби*"],
    adjectives: ["gambians?", "gambien*", "gambian[oa]s?", "гамбийск*"],
    capitals: ["banjul", "банжул*"],
  },
  {
    code: "GH",
    names: ["ghana", "gana", "ган*"],
    adjectives: ["ghanaians?", "ghaneen*", "ganes*", "ганск*", "ганиец", "ганц*"],
    capitals: ["accra", "acra", "аккр*"],
  },
  {
    code: "GN",
    names: ["guinea", "republic of guinea", "guinee", "guine", "guine conacri", "гвине*", "гвинейск* республик*"],
    adjectives: ["guineans?", "guineen*", "guineense*", "гвинейск*"],
    capitals: ["conakry", "conacri", "конакри"],
  },
  {
    code: "GW",
    names: ["guinea bissau", "guinee bissau", "guine bissau", "гвине* бисау"],
    adjectives: ["bissau guineans?", "bissau guineen*", "guineense*", "бисау гвинейск*"],
    capitals: ["bissau", "бисау"],
  },
  {
    code: "KE",
    names: ["kenya", "quenia", "кени*"],
    adjectives: ["kenyans?", "kenyan*", "quenian[oa]s?", "кенийск*", "кениец", "кенийц*"],
    capitals: ["nairobi", "найроби"],
  },
  { code: "LS", names: ["lesotho", "lesoto", "лесото"], adjectives: ["basotho", "lesothan", "lesothien*", "лесотск*"], capitals: ["maseru", "масеру"] },
  { code: "LR", names: ["liberia", "либери*"], adjectives: ["liberians?", "liberien*", "liberian[oa]s?", "либерийск*"], capitals: ["monrovia", "монрови*"] },
  {
    code: "LY",
    names: ["libya", "libye", "libia", "ливи*"],
    adjectives: ["libyans?", "libyen*", "libi[oa]s?", "ливийск*"],
    capitals: ["tripoli", "tripoli", "триполи"],
  },
  {
    code: "MG",
    names: ["madagascar", "madagascar", "мадагаскар*"],
    adjectives: ["malagasy", "malgaches?", "malgax*", "мадагаскарск*", "малагасийск*"],
    capitals: ["antananarivo", "антананариву"],
  },
  {
    code: "MW",
    names: ["malawi", "malaui", "малави"],
    adjectives: ["malawians?", "malawien*", "malawian[oa]s?", "малавийск*"],
    capitals: ["lilongwe", "lilongue", "лилонгве"],
  },
  { code: "ML", names: ["mali", "мали"], adjectives: ["malians?", "malien*", "malian[oa]s?", "малийск*", "малиец", "малийц*"], capitals: ["bamako", "бамако"] },
  {
    code: "MR",
    names: ["mauritania", "mauritanie", "mauritania", "мавритани*"],
    adjectives: ["mauritanians?", "mauritanien*", "mauritan[oa]s?", "мавританск*"],
    capitals: ["nouakchott", "nuakchott", "нуакшот*"],
  },
  {
    code: "MU",
    names: ["mauritius", "ile maurice", "republique de maurice", "mauricia", "маврики*"],
    adjectives: ["mauritians?", "mauricien*", "mauricia[nn]*", "маврикийск*"],
    capitals: ["port louis", "порт луи"],
  },
  {
    code: "MA",
    names: ["morocco", "maroc", "marrocos", "марокк*"],
    adjectives: ["moroccans?", "marocain*", "marroquin[oa]s?", "марокканск*"],
    capitals: ["rabat", "рабат*"],
  },
  {
    code: "MZ",
    names: ["mozambique", "mocambique", "мозамбик*"],
    adjectives: ["mozambicans?", "mozambicain*", "mocambican[oa]s?", "мозамбикск*"],
    capitals: ["maputo", "мапуту"],
  },
  {
    code: "NA",
    names: ["namibia", "namibie", "намиби*"],
    adjectives: ["namibians?", "namibien*", "namibian[oa]s?", "намибийск*"],
    capitals: ["windhoek", "виндхук*"],
  },
  { code: "NE", names: ["niger", "нигер*"], adjectives: ["nigerien*", "nigerin[oa]s?", "нигерск*"], capitals: ["niamey", "niamei", "ниаме*"] },
  {
    code: "NG",
    names: ["nigeria", "nigeria", "нигери*"],
    adjectives: ["nigerians?", "nigerian*", "nigerian[oa]s?", "нигерийск*"],
    capitals: ["abuja", "абудж*"],
  },
  { code: "RW", names: ["rwanda", "ruanda", "руанд*"], adjectives: ["rwandans?", "rwandais*", "ruandes*", "руандийск*"], capitals: ["kigali", "кигали"] },
  {
    code: "ST",
    names: ["sao tome and principe", "sao tome et principe", "sao tome e principe", "сан томе и принсипи"],
    adjectives: ["santomean*", "santomense*", "santomeen*"],
    capitals: ["sao tome", "сан томе"],
  },
  { code: "SN", names: ["senegal", "сенегал*"], adjectives: ["senegalese", "senegalais*", "senegales*", "сенегальск*"], capitals: ["dakar", "дакар*"] },
  { code: "SC", names: ["seychelles", "seicheles", "сейшельск* остров*", "сейшел*"], adjectives: ["seychellois*", "seichelense*", "сейшельск*"], capitals: [] },
  {
    code: "SL",
    names: ["sierra leone", "serra leoa", "сьерра леоне"],
    adjectives: ["sierra leoneans?", "sierra leonais*", "serra leones*", "сьерралеонск*"],
    capitals: ["freetown", "фритаун*"],
  },
  {
    code: "SO",
    names: ["somalia", "somalie", "somalia", "сомали"],
    adjectives: ["somalis?", "somalien*", "somali*", "сомалийск*"],
    capitals: ["mogadishu", "mogadiscio", "mogadiscio", "могадишо"],
  },
  {
    code: "ZA",
    names: ["south africa", "republic of south africa", "afrique du sud", "africa do sul", "южно африканск* республик*", "юар", "южн* африк*"],
    adjectives: ["south africans?", "sud africain*", "sul african[oa]s?", "южноафриканск*"],
    capitals: ["pretoria", "претори*"],
  },
  {
    code: "SS",
    names: ["south sudan", "soudan du sud", "sudao do sul", "южн* судан*"],
    adjectives: ["south sudanese", "sud soudanais*", "sul sudanes*", "южносуданск*"],
    capitals: ["juba", "джуб*"],
  },
  {
    code: "SD",
    names: ["sudan", "soudan", "sudao", "судан*"],
    adjectives: ["sudanese", "soudanais*", "sudanes*", "суданск*"],
    capitals: ["khartoum", "cartum", "хартум*"],
  },
  {
    code: "TZ",
    names: ["tanzania", "tanzanie", "tanzania", "танзани*"],
    adjectives: ["tanzanians?", "tanzanien*", "tanzanian[oa]s?", "танзанийск*"],
    capitals: ["dodoma", "додом*"],
  },
  { code: "TG", names: ["togo", "того"], adjectives: ["togolese", "togolais*", "togoles*", "тоголезск*"], capitals: ["lome", "ломе"] },
  {
    code: "TN",
    names: ["tunisia", "tunisie", "tunisia", "тунис*"],
    adjectives: ["tunisians?", "tunisien*", "tunisin[oa]s?", "тунисск*"],
    capitals: ["tunis", "tunes"],
  },
  { code: "UG", names: ["uganda", "ouganda", "уганд*"], adjectives: ["ugandans?", "ougandais*", "ugandes*", "угандийск*"], capitals: ["kampala", "кампал*"] },
  {
    code: "ZM",
    names: ["zambia", "zambie", "zambia", "замби*"],
    adjectives: ["zambians?", "zambien*", "zambian[oa]s?", "замбийск*"],
    capitals: ["lusaka", "лусак*"],
  },
  {
    code: "ZW",
    names: ["zimbabwe", "zim", "zimbabue", "зимбабве"],
    adjectives: ["zimbabweans?", "zimbabween*", "zimbabuean[oa]s?", "zimbabuan[oa]s?", "зимбабвийск*", "зимбабвиец", "зимбабвийц*"],
    capitals: ["harare", "хараре"],
  },
];

/**
 * Words before a capital that make it a place rather than a government: "in Moscow",
 * "à Niamey", "no Kremlin", "в Москве". Compared lower-cased and without accents.
 */
export const LOCATIVE_WORDS = new Set([
  "in",
  "at",
  "from",
  "to",
  "near",
  "a",
  "au",
  "en",
  "de",
  "vers",
  "pres",
  "em",
  "no",
  "na",
  "do",
  "da",
  "para",
  "в",
  "во",
  "из",
  "на",
  "под",
  "около",
]);

/** "The two countries": the pair of states the report is about, in the notation above. */
export const STATE_PAIR_FORMS = [
  "the two countries",
  "both countries",
  "the two nations",
  "both nations",
  "the two states",
  "les deux pays",
  "les deux etats",
  "les deux nations",
  "os dois paises",
  "ambos os paises",
  "os dois estados",
  "as duas nacoes",
  "две страны",
  "двух стран",
  "обе страны",
  "обеих стран",
  "двумя странами",
  "обеими странами",
];
