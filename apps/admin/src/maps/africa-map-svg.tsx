import type { CSSProperties } from "react";
import type { AfricaMapData } from "./africa-map-shapes";

export interface MapColours {
  /** Fill of a country without records. */
  empty: string;
  /** The colour that grows stronger with more records. */
  strong: string;
  /** What the strong colour is mixed into. */
  base: string;
  /** Country borders. */
  border: string;
}

/** Fill for a count: the strong colour, more of it with more records; readable in both schemes. */
function shade(count: number, max: number, colours: MapColours): string {
  if (!count) return colours.empty;
  const strength = 25 + Math.round((count / max) * 75);
  return `color-mix(in srgb, ${colours.strong} ${strength}%, ${colours.base})`;
}

/**
 * Africa shaded by the number of records per country, from bundled outlines (no tiles,
 * no network, no script). Every shape names its country and count; with `hrefOf`, each
 * country with records links to its page.
 */
export function AfricaMapSvg(props: {
  map: AfricaMapData;
  counts: Record<string, number>;
  countryNames: Record<string, string>;
  label: string;
  colours: MapColours;
  hrefOf?: (code: string) => string;
  className?: string;
  style?: CSSProperties;
}) {
  const { map, counts, countryNames, colours, hrefOf } = props;
  const max = Math.max(1, ...Object.values(counts));
  return (
    // With links inside, the map is a group of them, not a picture (an image cannot hold controls).
    <svg viewBox={`0 0 ${map.width} ${map.height}`} role={hrefOf ? "group" : "img"} aria-label={props.label} className={props.className} style={props.style}>
      {map.shapes.map((shape) => {
        const count = counts[shape.code] ?? 0;
        const title = <title>{`${countryNames[shape.code] ?? shape.code}: ${count}`}</title>;
        const fill = shade(count, max, colours);
        const drawn =
          "path" in shape ? (
            <path key={shape.code} d={shape.path} fill={fill} stroke={colours.base} strokeWidth={0.75}>
              {title}
            </path>
          ) : (
            <circle key={shape.code} cx={shape.dot[0]} cy={shape.dot[1]} r={3.5} fill={fill} stroke={colours.border} strokeWidth={0.5}>
              {title}
            </circle>
          );
        return hrefOf && count ? (
          <a key={shape.code} href={hrefOf(shape.code)} aria-label={`${countryNames[shape.code] ?? shape.code}: ${count}`}>
            {drawn}
          </a>
        ) : (
          drawn
        );
      })}
    </svg>
  );
}

/** "Zimbabwe 3, Congo 1": the map's counts in words, for its accessible name. */
export function describeCounts(counts: Record<string, number>, countryNames: Record<string, string>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([code, count]) => `${countryNames[code] ?? code} ${count}`)
    .join(", ");
}
