import { Center, Paper, Title } from "@mantine/core";
import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/admin/account/accept-invitation-form";

export const metadata: Metadata = { title: "Accept invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440} component="main">
        <Title order={1} size="h3" mb="md">
          Join coop-tracker
        </Title>
        <AcceptInvitationForm token={token} />
      </Paper>
    </Center>
  );
}
