/** A deterministic CSV of `rows` distinct, valid agreements for import tests and benchmarks; another `seed` gives other records. */
export function generateImportCsv(rows: number, seed = 7): string {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const words =
    "amber basalt cobalt delta ember fjord granite harbor indigo jasper kelp lagoon meadow nickel onyx prairie quartz river savanna tundra umber valley willow xenon yarrow zephyr acacia baobab cedar dune estuary fennec gazelle heron ibis jackal kudu lynx marula nile okapi".split(
      " ",
    );
  const countries = ["KE", "NG", "EG", "ZA", "GH", "SN", "ET", "TZ", "UG", "DZ", "MA", "AO", "ZM", "MZ", "CI", "CM"];
  const sectors = ["cybersecurity", "energy", "space", "agriculture", "telecommunications", "skills-and-training"];
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const lines = ["external_id,title,kind,status,signed_on,african_countries,partner_countries,sectors,source_url,source_publisher"];
  for (let i = 0; i < rows; i += 1) {
    const title = `${pick(words)} ${pick(words)} ${pick(words)} ${pick(words)} ${pick(words)} ${i}`;
    const month = String(1 + Math.floor(next() * 12)).padStart(2, "0");
    lines.push(
      `bulk-${seed}-${i},"${title}",PROGRAMME,SIGNED,${2015 + Math.floor(next() * 11)}-${month},${pick(countries)},${next() < 0.7 ? "RU" : "BY"},${pick(sectors)},https://example.org/bulk/${seed}/${i},Bulk Wire`,
    );
  }
  return lines.join("\n");
}
