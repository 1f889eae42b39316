"use client";
import { ActionIcon, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { useCountryOptions } from "../taxonomy";
import { ROLE_OPTIONS, SIDE_OPTIONS } from "./options";
import { OrganizationPicker } from "./organization-picker";
import { emptyParty, type RecordFormValues } from "./record-form-model";

/** Who signed, funded or takes part: an organisation and/or a country on each side. */
export function PartiesFields({ form }: { form: UseFormReturnType<RecordFormValues> }) {
  const countries = useCountryOptions();
  const parties = form.values.parties;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Parties
      </Title>
      {parties.map((party, index) => (
        <Card withBorder key={party.key} aria-label={`Party ${index + 1}`} role="group">
          <Group justify="space-between" mb={4}>
            <Text fw={600} size="sm">
              Party {index + 1}
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={`Remove party ${index + 1}`} onClick={() => form.removeListItem("parties", index)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            <Select label="Side" data={SIDE_OPTIONS} allowDeselect={false} {...form.getInputProps(`parties.${index}.side`)} />
            <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} {...form.getInputProps(`parties.${index}.role`)} />
            <Select label="Country" data={countries} searchable clearable {...form.getInputProps(`parties.${index}.countryCode`)} />
            <OrganizationPicker
              label="Organisation"
              value={party.organizationId ? { id: party.organizationId, name: party.organizationName } : null}
              error={form.errors[`parties.${index}.organizationId`]}
              defaultCountry={party.countryCode}
              onChange={(organization) => {
                form.setFieldValue(`parties.${index}.organizationId`, organization?.id ?? null);
                form.setFieldValue(`parties.${index}.organizationName`, organization?.name ?? "");
              }}
            />
            <TextInput label="Representative" {...form.getInputProps(`parties.${index}.representativeName`)} />
            <TextInput label="Representative's title" {...form.getInputProps(`parties.${index}.representativeTitle`)} />
          </SimpleGrid>
        </Card>
      ))}
      <Group gap="xs">
        <Button variant="light" size="xs" onClick={() => form.insertListItem("parties", emptyParty("AFRICA"))}>
          Add African party
        </Button>
        <Button variant="light" size="xs" onClick={() => form.insertListItem("parties", emptyParty("PARTNER"))}>
          Add partner party
        </Button>
      </Group>
    </Stack>
  );
}
