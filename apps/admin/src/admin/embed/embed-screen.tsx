"use client";
import { Button, Card, Code, CopyButton, Grid, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { type WidgetAttributes, widgetAttributes, widgetSnippet } from "@coop/core/publishing/embed-snippet";
import { useEffect, useRef, useState } from "react";
import { STATUS_OPTIONS } from "../records/options";
import { useCountryOptions, useSectorOptions } from "../taxonomy";

interface EmbedSettings {
  country: string[];
  partner: string[];
  sector: string[];
  status: string[];
  lang: string;
  theme: string;
  layout: string;
  limit: number;
}

const LANGUAGES = [
  { value: "en", label: "English" },
  { value: "fr", label: "Français" },
  { value: "pt", label: "Português" },
  { value: "ru", label: "Русский" },
];

/** The element's attributes for these settings, defaults left out so the snippet stays short. */
function attributesOf(settings: EmbedSettings): WidgetAttributes {
  return {
    country: settings.country,
    partner: settings.partner,
    sector: settings.sector,
    status: settings.status as WidgetAttributes["status"],
    limit: settings.limit === 5 ? undefined : settings.limit,
    lang: settings.lang as WidgetAttributes["lang"],
    theme: settings.theme === "auto" ? undefined : (settings.theme as WidgetAttributes["theme"]),
    layout: settings.layout === "list" ? undefined : (settings.layout as WidgetAttributes["layout"]),
  };
}

function embedSnippet(siteOrigin: string, settings: EmbedSettings): string {
  return widgetSnippet({
    origin: siteOrigin,
    attributes: attributesOf(settings),
    fallback: { href: `${siteOrigin}/records`, text: "Latest cooperation records on coop-tracker" },
  });
}

/** Loads the real widget module once; the page's nonce-trusted script may add it ('strict-dynamic'). */
function useWidgetModule() {
  useEffect(() => {
    if (document.querySelector("script[data-coop-feed]")) return;
    const script = document.createElement("script");
    script.type = "module";
    script.src = "/widget/coop-feed.js";
    script.dataset.coopFeed = "";
    document.head.append(script);
  }, []);
}

function LivePreview({ settings }: { settings: EmbedSettings }) {
  const container = useRef<HTMLDivElement>(null);
  useWidgetModule();
  useEffect(() => {
    const feed = document.createElement("coop-feed");
    for (const [name, value] of widgetAttributes(attributesOf(settings))) feed.setAttribute(name, value);
    container.current?.replaceChildren(feed);
  }, [settings]);
  return <div ref={container} data-testid="embed-preview" />;
}

/** Pick filters, language, theme and size; see the real element live and copy the snippet. */
export function EmbedScreen({ siteOrigin }: { siteOrigin: string }) {
  const africanCountries = useCountryOptions("AFRICA");
  const partners = useCountryOptions("PARTNER");
  const sectors = useSectorOptions();
  const [settings, setSettings] = useState<EmbedSettings>({
    country: [],
    partner: [],
    sector: [],
    status: [],
    lang: "en",
    theme: "auto",
    layout: "list",
    limit: 5,
  });
  const set =
    <K extends keyof EmbedSettings>(name: K) =>
    (value: EmbedSettings[K]) =>
      setSettings((current) => ({ ...current, [name]: value }));
  const snippet = embedSnippet(siteOrigin, settings);

  return (
    <Stack>
      <Title order={2}>Embed generator</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs">
            <MultiSelect label="African countries" data={africanCountries} value={settings.country} onChange={set("country")} searchable clearable />
            <MultiSelect label="Partners" data={partners} value={settings.partner} onChange={set("partner")} clearable />
            <MultiSelect label="Sectors" data={sectors} value={settings.sector} onChange={set("sector")} searchable clearable />
            <MultiSelect label="Statuses" data={STATUS_OPTIONS} value={settings.status} onChange={set("status")} clearable />
            <Select label="Language" data={LANGUAGES} value={settings.lang} onChange={(value) => set("lang")(value ?? "en")} allowDeselect={false} />
            <Text size="sm" fw={500}>
              Theme
            </Text>
            <SegmentedControl aria-label="Theme" data={["auto", "light", "dark"]} value={settings.theme} onChange={set("theme")} />
            <Text size="sm" fw={500}>
              Layout
            </Text>
            <SegmentedControl aria-label="Layout" data={["list", "compact", "cards"]} value={settings.layout} onChange={set("layout")} />
            <NumberInput
              label="Number of records"
              min={1}
              max={20}
              value={settings.limit}
              onChange={(value) => set("limit")(Math.min(20, Math.max(1, Number(value) || 5)))}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder mb="md">
            <Title order={3} size="h5" mb="xs">
              Snippet
            </Title>
            <Code block data-testid="embed-snippet" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {snippet}
            </Code>
            <CopyButton value={snippet}>
              {({ copied, copy }) => (
                <Button mt="xs" size="xs" color={copied ? "green" : undefined} onClick={copy}>
                  {copied ? "Copied" : "Copy snippet"}
                </Button>
              )}
            </CopyButton>
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">
              Live preview
            </Title>
            <LivePreview settings={settings} />
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
