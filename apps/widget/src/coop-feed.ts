import { html, nothing, render } from "lit/html.js";
import { feedUrl, fetchFeed, recordUrl, type ShownItem } from "./api";
import { styles } from "./coop-feed.styles";
import { countryName, formatRecordDate } from "./format";
import { type FeedOptions, parseFeedOptions } from "./options";
import { STRINGS } from "./strings";

/** Where this script was loaded from: the default `api`, so one script tag is all a host needs. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;
const TIMEOUT_MS = 5000;
const REFETCH_DELAY_MS = 50;
/** Start fetching a little before the element scrolls into view. */
const NEAR_VIEWPORT = "200px";
/** Events reach listeners on the host page, outside the shadow root. */
const EVENT_INIT = { bubbles: true, composed: true };

type LoadState = "loading" | "loaded" | "error";

/** Each attribute and the property that carries it (`lang` itself is HTMLElement's, so its property has another name). */
const PROPERTY_OF_ATTRIBUTE = {
  api: "api",
  country: "country",
  partner: "partner",
  sector: "sector",
  status: "status",
  limit: "limit",
  lang: "language",
  theme: "theme",
  layout: "layout",
  "hide-unverified": "hide-unverified",
} as const;
type PropertyName = (typeof PROPERTY_OF_ATTRIBUTE)[keyof typeof PROPERTY_OF_ATTRIBUTE];

const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);

export interface CoopLoadDetail {
  items: ShownItem[];
}

export interface CoopErrorDetail {
  message: string;
}

/**
 * The latest published cooperation records from a coop-tracker site, as a list of
 * links to their public pages. Fetches only when near the viewport, keeps its own
 * children visible until the data arrives, and never throws into the host page.
 *
 * @summary Embeddable feed of coop-tracker records.
 *
 * @attr api - Base URL of the coop-tracker site; defaults to the origin the script was loaded from.
 * @attr country - African country filter: ISO 3166-1 alpha-2 codes, comma-separated (`ZW,NG`).
 * @attr partner - Partner country filter: `RU`, `BY`, comma-separated.
 * @attr sector - Sector slugs, comma-separated (`cybersecurity,nuclear-energy`).
 * @attr status - Lifecycle statuses, comma-separated (`SIGNED,IN_FORCE`).
 * @attr limit - How many records, 1 to 20; default 5.
 * @attr lang - `en`, `fr`, `pt` or `ru`; defaults to the host page's `<html lang>`, then `en`.
 * @attr theme - `auto` (follows `prefers-color-scheme`, the default), `light` or `dark`.
 * @attr layout - `list` (default), `compact` (one line per record) or `cards`.
 * @attr hide-unverified - Present: leave out records the editors could not verify. Absent (the default): show them, marked.
 *
 * @slot - Fallback content (e.g. a link to the records), shown until the data arrives and when it fails.
 *
 * @csspart base - The framed box around everything.
 * @csspart list - The `<ul>` of records.
 * @csspart item - One record.
 * @csspart link - The link to the record's page.
 * @csspart title - The record's title.
 * @csspart meta - The line with countries, status, date and source.
 * @csspart countries - The countries involved.
 * @csspart status - The lifecycle status.
 * @csspart date - The date, as precise as it is known.
 * @csspart publisher - The publisher of the first source.
 * @csspart unverified - The marker on a record the editors could not verify.
 * @csspart empty - The message shown when no record matches.
 * @csspart error - The message shown when loading failed.
 * @csspart retry - The retry button in the error message.
 *
 * @cssproperty --coop-font-family - Font of the widget; default a system UI font (set `inherit` to use the page's).
 * @cssproperty --coop-font-size - Base font size; default 0.9375rem. Row heights scale with it.
 * @cssproperty --coop-color - Text colour.
 * @cssproperty --coop-background - Background colour.
 * @cssproperty --coop-muted-color - Colour of the meta line and messages.
 * @cssproperty --coop-link-color - Colour of record titles, the retry button and the keyboard focus ring.
 * @cssproperty --coop-border-color - Colour of the frame and dividers.
 * @cssproperty --coop-radius - Corner radius of the frame; default 0.5rem.
 *
 * @fires coop-load - The records arrived and are shown; `detail: { items }`.
 * @fires coop-error - Loading failed or timed out (5 s); `detail: { message }`. The fallback content and a retry button are shown.
 */
export class CoopFeed extends HTMLElement {
  static observedAttributes = Object.keys(PROPERTY_OF_ATTRIBUTE);

  // Lit's templates render into the shadow root; this small class does the rest of what LitElement
  // would (properties that re-render, one render per microtask), at a fraction of its size.
  static {
    for (const name of Object.values(PROPERTY_OF_ATTRIBUTE)) {
      Object.defineProperty(this.prototype, name, {
        get(this: CoopFeed) {
          return this.#properties[name];
        },
        set(this: CoopFeed, value: unknown) {
          if (Object.is(value, this.#properties[name])) return;
          this.#properties[name] = value;
          this.requestUpdate();
        },
      });
    }
  }

  /** @attr api */
  declare api?: string;
  /** @attr country */
  declare country?: string | string[];
  /** @attr partner */
  declare partner?: string | string[];
  /** @attr sector */
  declare sector?: string | string[];
  /** @attr status */
  declare status?: string | string[];
  /** @attr limit */
  declare limit?: string | number;
  /**
   * The `lang` attribute (`lang` itself is HTMLElement's, so the property has another name).
   * @attr lang
   */
  declare language?: string;
  /** @attr theme */
  declare theme?: string;
  /** @attr layout */
  declare layout?: string;
  /** @attr hide-unverified */
  declare "hide-unverified"?: string;

  #options!: FeedOptions;
  #state: LoadState = "loading";
  #items: ShownItem[] = [];
  #nearViewport = false;
  #observer?: IntersectionObserver;
  #requestedUrl?: string;
  #controller?: AbortController;
  #delay?: ReturnType<typeof setTimeout>;
  #warned = new Set<string>();
  #properties: Partial<Record<PropertyName, unknown>> = {};
  #connectedOnce = false;
  #updatePending = false;
  /** Resolves once the element has rendered its latest change. */
  updateComplete: Promise<boolean> = Promise.resolve(true);

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sheet];
    // A framework may set properties before this script defines the element: they take effect now.
    for (const name of Object.values(PROPERTY_OF_ATTRIBUTE)) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = this[name];
      delete this[name];
      this[name] = value as never;
    }
  }

  attributeChangedCallback(name: keyof typeof PROPERTY_OF_ATTRIBUTE, _old: string | null, value: string | null): void {
    this[PROPERTY_OF_ATTRIBUTE[name]] = value ?? undefined;
  }

  /** Renders again in a microtask: several changes in a row cost one render. */
  requestUpdate(): void {
    if (this.#updatePending) return;
    this.#updatePending = true;
    this.updateComplete = Promise.resolve().then(() => {
      this.#updatePending = false;
      if (!this.#connectedOnce) return true;
      this.#willUpdate();
      render(this.#render(), this.shadowRoot!, { host: this });
      this.#updated();
      return true;
    });
  }

  connectedCallback(): void {
    this.#connectedOnce = true;
    this.requestUpdate();
    if (!this.#nearViewport) {
      this.#observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          this.#observer?.disconnect();
          this.#nearViewport = true;
          this.requestUpdate();
        },
        { rootMargin: NEAR_VIEWPORT },
      );
      this.#observer.observe(this);
    }
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    // A detached element does no work; it fetches again if it comes back.
    clearTimeout(this.#delay);
    this.#controller?.abort();
    this.#controller = this.#requestedUrl = undefined;
  }

  #willUpdate(): void {
    this.#options = parseFeedOptions(
      // Properties, not attributes: frameworks such as React 19 set properties, with numbers or arrays.
      (name) => {
        const value = name === "lang" ? this.language : this[name];
        return value === undefined || value === null ? null : String(value);
      },
      { api: SCRIPT_ORIGIN, pageLang: document.documentElement.lang, baseUri: document.baseURI },
      (message) => this.#warnOnce(message),
    );
  }

  #updated(): void {
    const url = feedUrl(this.#options);
    if (!this.#nearViewport || url === this.#requestedUrl) return;
    this.#requestedUrl = url;
    this.#controller?.abort();
    clearTimeout(this.#delay);
    // Attribute changes in a burst (a framework setting several) cost one request.
    this.#delay = setTimeout(() => void this.#load(url), REFETCH_DELAY_MS);
  }

  async #load(url: string): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const timeout = setTimeout(() => controller.abort(new Error(`No answer within ${TIMEOUT_MS / 1000} s.`)), TIMEOUT_MS);
    // Items already shown stay until the new ones replace them, so nothing jumps.
    if (this.#state !== "loaded") this.#show("loading");
    try {
      const items = await fetchFeed(url, controller.signal);
      if (controller !== this.#controller) return;
      this.#show("loaded", items);
      await this.updateComplete;
      this.dispatchEvent(new CustomEvent<CoopLoadDetail>("coop-load", { detail: { items }, ...EVENT_INIT }));
    } catch (error) {
      // A newer request or a disconnection aborted this one: nothing to report.
      if (controller !== this.#controller) return;
      this.#show("error");
      await this.updateComplete;
      const message = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new CustomEvent<CoopErrorDetail>("coop-error", { detail: { message }, ...EVENT_INIT }));
    } finally {
      clearTimeout(timeout);
      if (controller === this.#controller) this.#controller = undefined;
    }
  }

  #retry = (): void => {
    if (this.#requestedUrl) void this.#load(this.#requestedUrl);
  };

  #show(state: LoadState, items: ShownItem[] = this.#items): void {
    this.#state = state;
    this.#items = items;
    this.requestUpdate();
  }

  #warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.warn(message);
  }

  #render() {
    const { lang, theme, layout } = this.#options;
    return html`<div part="base" class="base ${theme} ${layout}" lang=${lang}>${this.#state === "loaded" ? this.#renderItems() : this.#renderPending()}</div>`;
  }

  #renderItems() {
    const strings = STRINGS[this.#options.lang];
    if (!this.#items.length) return html`<p part="empty" class="message">${strings.empty}</p>`;
    return html`<ul part="list" aria-label=${strings.list}>
      ${this.#items.map((item) => this.#renderItem(item))}
    </ul>`;
  }

  #renderItem(item: ShownItem) {
    const { api, lang } = this.#options;
    const href = recordUrl(api, item.slug, lang);
    const date = formatRecordDate(item.date, lang);
    const places = [item.countries, item.partners]
      .filter((codes) => codes.length)
      .map((codes) => codes.map((code) => countryName(code, lang)).join(", "))
      .join(" – ");
    const title = html`<span part="title" class="title" lang=${item.lang}>${item.title}</span>`;
    return html`<li part="item">
      ${href ? html`<a part="link" href=${href}>${title}</a>` : title}
      <p part="meta" class="meta">
        ${places ? html`<span part="countries">${places}</span>` : nothing}<span part="status">${item.statusLabel ?? item.status}</span
        >${item.confidence === "UNVERIFIED" ? html`<span part="unverified">${item.confidenceLabel ?? item.confidence}</span>` : nothing}${
          date ? html`<time part="date" datetime=${date.datetime}>${date.text}</time>` : html`<span part="date">${STRINGS[lang].dateUnknown}</span>`
        }${item.publisher ? html`<span part="publisher">${item.publisher}</span>` : nothing}
      </p>
    </li>`;
  }

  #renderPending() {
    const strings = STRINGS[this.#options.lang];
    const failed = this.#state === "error";
    // Loading reserves the final height (an invisible list); a failure shrinks to a quiet line, not a blank box.
    return html`<div class="pending">
      <div class="fallback">
        <slot></slot>${
          failed
            ? html`<p part="error" class="error" role="status">
                ${strings.loadFailed}<button part="retry" type="button" @click=${this.#retry}>${strings.retry}</button>
              </p>`
            : nothing
        }
      </div>
      ${
        failed
          ? nothing
          : html`<ul class="reserve">
              ${Array.from({ length: this.#options.limit }, () => html`<li></li>`)}
            </ul>`
      }
    </div>`;
  }
}

// A page that includes the script twice (say, pinned and unpinned URLs) must not throw.
if (!customElements.get("coop-feed")) customElements.define("coop-feed", CoopFeed);

declare global {
  interface HTMLElementTagNameMap {
    "coop-feed": CoopFeed;
  }
  interface HTMLElementEventMap {
    "coop-load": CustomEvent<CoopLoadDetail>;
    "coop-error": CustomEvent<CoopErrorDetail>;
  }
}
