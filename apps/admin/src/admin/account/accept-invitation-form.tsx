"use client";
import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { apiFailure, fieldErrors } from "../api-errors";
import { useTRPC } from "../trpc";

export function AcceptInvitationForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: "", password: "", repeatPassword: "" },
    validate: {
      name: (value) => (value.trim() ? null : "Enter your name"),
      password: (value) => (value.length >= 8 ? null : "Use at least 8 characters"),
      repeatPassword: (value, values) => (value === values.password ? null : "The passwords differ"),
    },
  });
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onError: (failure) => {
        const { issues, message } = apiFailure(failure);
        // Field problems show beside their fields; anything else above the form.
        form.setErrors(fieldErrors(issues));
        const elsewhere = issues.filter((issue) => !(issue.path in form.values)).map((issue) => issue.message);
        setError(issues.length ? elsewhere.join("; ") || null : message);
      },
    }),
  );

  if (accept.isSuccess) {
    return (
      <Alert color="green" title="Your account is ready">
        <Anchor href="/admin/sign-in">Sign in</Anchor> with your email and the password you chose.
      </Alert>
    );
  }
  return (
    <form onSubmit={form.onSubmit(({ name, password }) => accept.mutate({ token, name, password }))} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <TextInput label="Your name" autoComplete="name" required {...form.getInputProps("name")} />
        <PasswordInput label="Password" description="8 to 128 characters" autoComplete="new-password" required {...form.getInputProps("password")} />
        <PasswordInput label="Repeat the password" autoComplete="new-password" required {...form.getInputProps("repeatPassword")} />
        <Button type="submit" loading={accept.isPending}>
          Create my account
        </Button>
      </Stack>
    </form>
  );
}
