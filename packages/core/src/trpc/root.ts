import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { agreementRouter } from "./routers/agreement";
import { agreementEditingRouter } from "./routers/agreement-editing";
import { apiTokenRouter } from "./routers/api-token";
import { auditRouter } from "./routers/audit";
import { dashboardRouter } from "./routers/dashboard";
import { feedRouter } from "./routers/feed";
import { importRouter } from "./routers/import";
import { intakeRouter } from "./routers/intake";
import { invitationRouter } from "./routers/invitation";
import { organizationRouter } from "./routers/organization";
import { taxonomyRouter } from "./routers/taxonomy";
import { userRouter } from "./routers/user";
import { webhookRouter } from "./routers/webhook";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  agreement: { ...agreementRouter, ...agreementEditingRouter },
  apiToken: apiTokenRouter,
  audit: auditRouter,
  dashboard: dashboardRouter,
  feed: feedRouter,
  import: importRouter,
  intake: intakeRouter,
  invitation: invitationRouter,
  organization: organizationRouter,
  taxonomy: taxonomyRouter,
  user: userRouter,
  webhook: webhookRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
