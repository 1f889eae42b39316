"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc";

/** Country select options (54 African states, RU, BY), optionally one side only. */
export function useCountryOptions(side?: "AFRICA" | "PARTNER") {
  const trpc = useTRPC();
  const { data = [] } = useQuery({ ...trpc.taxonomy.countries.queryOptions({}), staleTime: Infinity });
  return data
    .filter((country) => !side || (side === "PARTNER") === ["RU", "BY"].includes(country.code))
    .map((country) => ({ value: country.code, label: `${country.name} (${country.code})` }));
}

export function useSectorOptions() {
  const trpc = useTRPC();
  const { data = [] } = useQuery({ ...trpc.taxonomy.sectors.queryOptions({}), staleTime: Infinity });
  return data.map((sector) => ({ value: sector.slug, label: sector.name }));
}
