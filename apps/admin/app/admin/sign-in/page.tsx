import { Center, Paper, Title } from "@mantine/core";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/admin/account/sign-in-form";
import { currentActor } from "@/admin/server-api";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if ((await currentActor()).kind === "user") redirect("/admin");
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400} component="main">
        <Title order={1} size="h3" mb="md">
          Sign in to coop-tracker
        </Title>
        <SignInForm />
      </Paper>
    </Center>
  );
}
