"use client";
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { signInWithEmail } from "../auth-client";

export function SignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (value) => (/^\S+@\S+$/.test(value) ? null : "Enter your email address"),
      password: (value) => (value ? null : "Enter your password"),
    },
  });

  const submit = form.onSubmit(async ({ email, password }) => {
    setPending(true);
    setError(null);
    const result = await signInWithEmail(email, password);
    if (result.ok) {
      // A full load so the server layouts see the new session cookie.
      window.location.assign("/admin");
      return;
    }
    setPending(false);
    setError(result.message);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error ? (
          <Alert color="red" role="alert" title="Not signed in">
            {error}
          </Alert>
        ) : null}
        <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps("email")} />
        <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps("password")} />
        <Button type="submit" loading={pending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
