import "server-only";
import { resolveActor } from "@coop/core/auth";
import type { Actor } from "@coop/core/domain";
import { appRouter, createCaller, createContextInner } from "@coop/core/trpc";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { serverEnv, sessionPolicy } from "@/env";
import { getAuth } from "@/server/auth";
import { getDb } from "@/server/db";

/** Who is asking for this page, from the session cookie; once per request. */
export const currentActor = cache(async (): Promise<Actor> => {
  return resolveActor({ db: getDb(), auth: getAuth(), sessionPolicy: sessionPolicy() }, await headers());
});

export type SignedInUser = Extract<Actor, { kind: "user" }>;

/** The signed-in person, or a redirect to the sign-in page; with `allowPasswordChange` a user who must change their password is let through. */
export async function requireUser(options: { allowPasswordChange?: boolean } = {}): Promise<SignedInUser> {
  const actor = await currentActor();
  if (actor.kind !== "user") redirect("/admin/sign-in");
  if (actor.mustChangePassword && !options.allowPasswordChange) redirect("/admin/password");
  return actor;
}

async function signedInContext() {
  return createContextInner({ db: getDb(), actor: await currentActor(), sameOrigin: true, baseUrl: serverEnv().PUBLIC_URL });
}

/** The tRPC API called in-process as the signed-in person: the same rules as over HTTP. */
export async function serverApi() {
  return createCaller(await signedInContext());
}

/**
 * A query cache filled on the server with what a screen reads first, under the same keys the
 * browser uses: hand it over with `<HydrationBoundary state={dehydrate(queryClient)}>`.
 */
export async function serverQueries() {
  const queryClient = new QueryClient();
  return { queryClient, trpc: createTRPCOptionsProxy({ router: appRouter, ctx: await signedInContext(), queryClient }) };
}

/** This request's CSP nonce, set by proxy.ts. */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
