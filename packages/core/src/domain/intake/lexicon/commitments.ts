/**
 * What a commitment counts, lower-cased without accents (notation of lexicon/countries.ts):
 * the last word of "10,000 cybersecurity specialists", "200 MW", "50 bolsas", "100 специалистов".
 */
export const COMMITMENT_UNITS = [
  "specialists?", "students?", "scholarships?", "engineers?", "officials?", "experts?", "teachers?", "doctors?", "graduates?", "people", "youths?",
  "places", "megawatts?", "mw", "gigawatts?", "gw", "kilometres?", "kilometers?", "km", "tractors?", "buses", "trucks?", "vehicles?", "satellites?",
  "schools?", "centres?", "centers?", "laboratories", "jobs", "professionals?", "personnel", "cadets?", "trainees?", "workers?", "mechanics", "technicians?",
  "specialistes?", "etudiants?", "bourses?", "ingenieurs?", "fonctionnaires?", "megawatts?", "tracteurs?", "camions?", "jeunes", "cadres", "emplois", "mecaniciens?", "techniciens?",
  "especialistas?", "estudantes?", "bolsas?", "engenheiros?", "quadros", "tratores?", "camioes", "empregos", "tecnicos", "mecanicos",
  "специалист*", "студент*", "стипенди*", "инженер*", "мегаватт*", "мвт", "трактор*", "мест", "кадров", "чиновник*", "человек", "механик*",
];

/** Number words from two up to twenty and the round ones ("one" and "un" are as often articles). */
export const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20, fifty: 50, hundred: 100,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12, quinze: 15, vingt: 20, cinquante: 50, cent: 100,
  dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, doze: 12, vinte: 20, cinquenta: 50, cem: 100,
  два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9, десять: 10, двадцать: 20, пятьдесят: 50, сто: 100,
};

/** Multipliers after a number: "1.5 million", "10 mille", "2 mil", "10 тысяч". */
export const SCALE_WORDS: Record<string, number> = {
  thousand: 1_000, million: 1_000_000, millions: 1_000_000, mille: 1_000, mil: 1_000, milhoes: 1_000_000, milhao: 1_000_000,
  тысяч: 1_000, тысячи: 1_000, тысяча: 1_000, миллион: 1_000_000, миллиона: 1_000_000, миллионов: 1_000_000,
};
