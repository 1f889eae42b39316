"use client";
import { Alert, Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { apiFailure, fieldErrors } from "../api-errors";
import { useTRPC } from "../trpc";

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", repeatPassword: "" },
    validate: {
      newPassword: (value) => (value.length >= 8 ? null : "Use at least 8 characters"),
      repeatPassword: (value, values) => (value === values.newPassword ? null : "The passwords differ"),
    },
  });
  const changePassword = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: () => window.location.assign("/admin"),
      onError: (failure) => {
        const { issues, message } = apiFailure(failure);
        // Field problems show beside their fields; anything else above the form.
        form.setErrors(fieldErrors(issues));
        const elsewhere = issues.filter((issue) => !(issue.path in form.values)).map((issue) => issue.message);
        setError(issues.length ? elsewhere.join("; ") || null : message);
      },
    }),
  );

  return (
    <form onSubmit={form.onSubmit(({ currentPassword, newPassword }) => changePassword.mutate({ currentPassword, newPassword }))} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps("currentPassword")} />
        <PasswordInput
          label="New password"
          description="8 to 128 characters; common passwords are refused"
          autoComplete="new-password"
          required
          {...form.getInputProps("newPassword")}
        />
        <PasswordInput label="Repeat the new password" autoComplete="new-password" required {...form.getInputProps("repeatPassword")} />
        <Group justify="space-between">
          {forced ? <span /> : <Link href="/admin">Cancel</Link>}
          <Button type="submit" loading={changePassword.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
