"use client";
import { Alert, Button, Code, CopyButton } from "@mantine/core";

/** A secret (token, invitation link) shown once, with a copy button. */
export function ShownOnceAlert({ title, value, copyLabel, testId }: { title: string; value: string; copyLabel: string; testId?: string }) {
  return (
    <Alert color="green" title={title}>
      <Code block data-testid={testId}>
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button size="xs" mt="xs" onClick={copy}>
            {copied ? "Copied" : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Alert>
  );
}
