import { Alert, Center, Paper, Title } from "@mantine/core";
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/admin/account/change-password-form";
import { requireUser } from "@/admin/server-api";

export const metadata: Metadata = { title: "Change password" };
export const dynamic = "force-dynamic";

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={440} component="main">
        <Title order={1} size="h3" mb="md">
          Change your password
        </Title>
        {user.mustChangePassword ? (
          <Alert color="yellow" mb="md" title="A new password is needed">
            You signed in with a one-time password. Choose your own before continuing.
          </Alert>
        ) : null}
        <ChangePasswordForm forced={user.mustChangePassword} />
      </Paper>
    </Center>
  );
}
