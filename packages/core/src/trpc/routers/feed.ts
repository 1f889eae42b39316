import type { TRPCRouterRecord } from "@trpc/server";
import { latestFeedItems } from "../../domain/feed";
import { ZFeedLatestInput } from "../../validators/agreement";
import { ZPublicFeed } from "../../validators/public-outputs";
import { publicProcedure } from "../init";

export const feedRouter = {
  latest: publicProcedure
    .input(ZFeedLatestInput.optional())
    .output(ZPublicFeed)
    .query(({ ctx, input }) => latestFeedItems(ctx.db, input ?? {})),
} satisfies TRPCRouterRecord;
