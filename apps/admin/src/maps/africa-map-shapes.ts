import "server-only";
import { geoMercator, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import countries110m from "world-atlas/countries-110m.json";

/** ISO 3166-1 alpha-2 of the 54 African states -> the numeric code Natural Earth uses as feature id. */
const NUMERIC_CODES: Record<string, string> = {
  DZ: "012",
  AO: "024",
  BJ: "204",
  BW: "072",
  BF: "854",
  BI: "108",
  CV: "132",
  CM: "120",
  CF: "140",
  TD: "148",
  KM: "174",
  CG: "178",
  CD: "180",
  CI: "384",
  DJ: "262",
  EG: "818",
  GQ: "226",
  ER: "232",
  SZ: "748",
  ET: "231",
  GA: "266",
  GM: "270",
  GH: "288",
  GN: "324",
  GW: "624",
  KE: "404",
  LS: "426",
  LR: "430",
  LY: "434",
  MG: "450",
  MW: "454",
  ML: "466",
  MR: "478",
  MU: "480",
  MA: "504",
  MZ: "508",
  NA: "516",
  NE: "562",
  NG: "566",
  RW: "646",
  ST: "678",
  SN: "686",
  SC: "690",
  SL: "694",
  SO: "706",
  ZA: "710",
  SS: "728",
  SD: "729",
  TZ: "834",
  TG: "768",
  TN: "788",
  UG: "800",
  ZM: "894",
  ZW: "716",
};

/** Island states too small for the 1:110m map: a dot at [longitude, latitude]. */
const ISLAND_DOTS: Record<string, [number, number]> = { CV: [-23.6, 15.1], KM: [43.9, -11.9], MU: [57.55, -20.3], ST: [6.6, 0.3], SC: [55.45, -4.6] };

const MAP_SIZE = { width: 400, height: 420 };

export type AfricaMapShape = { code: string; path: string } | { code: string; dot: [number, number] };
export interface AfricaMapData {
  width: number;
  height: number;
  shapes: AfricaMapShape[];
}

type WorldTopology = Parameters<typeof feature>[0];

let map: AfricaMapData | undefined;

/** SVG outlines of the African states from bundled Natural Earth data (no tiles, no network), projected once. */
export function africaMapData(): AfricaMapData {
  if (map) return map;
  const topology = countries110m as unknown as WorldTopology;
  const countries = topology.objects.countries;
  if (!countries) throw new Error("world-atlas has no countries object");
  const world = feature(topology, countries) as FeatureCollection<Geometry>;
  const codeOfNumeric = new Map(Object.entries(NUMERIC_CODES).map(([code, numeric]) => [numeric, code]));
  const african = world.features.filter((country): country is Feature<Geometry> => codeOfNumeric.has(String(country.id)));
  const projection = geoMercator().fitSize([MAP_SIZE.width, MAP_SIZE.height], { type: "FeatureCollection", features: african });
  const toPath = geoPath(projection).digits(0);
  const shapes = [
    ...african.map((country) => ({ code: codeOfNumeric.get(String(country.id)) ?? "", path: toPath(country) ?? "" })),
    ...Object.entries(ISLAND_DOTS).flatMap(([code, place]) => {
      const point = projection(place);
      return point ? [{ code, dot: [Math.round(point[0]), Math.round(point[1])] as [number, number] }] : [];
    }),
  ];
  map = { ...MAP_SIZE, shapes };
  return map;
}
