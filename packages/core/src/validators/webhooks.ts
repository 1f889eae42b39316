import { z } from "zod";
import { oneOrMany, ZCountryCode, ZSectorSlug } from "./common";

/** What a webhook can be told: a record became public, changed while public, left the public site, or was deleted. */
export const WEBHOOK_EVENT_TYPES = ["record.published", "record.updated", "record.unpublished", "record.deleted"] as const;
export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof ZWebhookEventType>;

const ZWebhookUrl = z
  .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" })
  .max(2000)
  .refine((url) => !new URL(url).username && !new URL(url).password, "must not carry a user name or password");

/** Only records with at least one of each listed value; an absent or empty filter lets every record through. */
export const ZWebhookFilters = z.object({
  country: oneOrMany(ZCountryCode).optional(),
  partner: oneOrMany(ZCountryCode).optional(),
  sector: oneOrMany(ZSectorSlug).optional(),
});

export const ZWebhookCreateInput = z.object({
  url: ZWebhookUrl,
  events: z.array(ZWebhookEventType).min(1, "must name at least one event").max(WEBHOOK_EVENT_TYPES.length),
  filters: ZWebhookFilters.optional(),
  description: z.string().trim().max(500).optional(),
});
export type TWebhookCreateInput = z.input<typeof ZWebhookCreateInput>;

export const ZWebhookIdInput = z.object({ id: z.uuid() });

export const ZWebhookUpdateInput = ZWebhookCreateInput.partial().extend({
  id: z.uuid(),
  /** Turns an endpoint off, or back on after the app disabled it for repeated failure. */
  enabled: z.boolean().optional(),
});

export const ZWebhookDeliveriesInput = z.object({
  id: z.uuid(),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/, "must be a cursor from a previous page")
    .nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const ZWebhookReplayInput = z.object({ deliveryId: z.string().regex(/^\d{1,19}$/, "must be a delivery id") });
