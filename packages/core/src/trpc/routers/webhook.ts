import type { TRPCRouterRecord } from "@trpc/server";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  updateWebhookEndpoint,
} from "../../domain/webhooks";
import { ZWebhookCreateInput, ZWebhookDeliveriesInput, ZWebhookIdInput, ZWebhookReplayInput, ZWebhookUpdateInput } from "../../validators/webhooks";
import { adminProcedure } from "../init";

export const webhookRouter = {
  list: adminProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.db)),
  create: adminProcedure.input(ZWebhookCreateInput).mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx.actor, input)),
  update: adminProcedure.input(ZWebhookUpdateInput).mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.db, ctx.actor, input)),
  delete: adminProcedure.input(ZWebhookIdInput).mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.db, ctx.actor, input)),
  deliveries: adminProcedure.input(ZWebhookDeliveriesInput).query(({ ctx, input }) => listWebhookDeliveries(ctx.db, input)),
  replay: adminProcedure.input(ZWebhookReplayInput).mutation(({ ctx, input }) => replayWebhookDelivery(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
