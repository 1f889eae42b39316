import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createCallerFactory, createTRPCRouter } from "./init";
import { agreementRouter } from "./routers/agreement";
import { feedRouter } from "./routers/feed";
import { taxonomyRouter } from "./routers/taxonomy";

export const appRouter = createTRPCRouter({
  agreement: agreementRouter,
  feed: feedRouter,
  taxonomy: taxonomyRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
