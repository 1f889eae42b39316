import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { agreementRouter } from "./routers/agreement";
import { apiTokenRouter } from "./routers/api-token";
import { feedRouter } from "./routers/feed";
import { invitationRouter } from "./routers/invitation";
import { taxonomyRouter } from "./routers/taxonomy";
import { userRouter } from "./routers/user";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  agreement: agreementRouter,
  apiToken: apiTokenRouter,
  feed: feedRouter,
  invitation: invitationRouter,
  taxonomy: taxonomyRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
