"use client";
import { Button, Combobox, Group, Loader, Modal, Select, Stack, Text, TextInput, useCombobox } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFailure } from "../api-errors";
import { useCountryOptions } from "../taxonomy";
import { useTRPC } from "../trpc";
import { ORGANIZATION_KIND_OPTIONS } from "./options";

export interface PickedOrganization {
  id: string;
  name: string;
}

/** Finds an organisation by name or alias as one types, or creates it on the spot. */
export function OrganizationPicker({
  label,
  value,
  onChange,
  error,
  defaultCountry,
}: {
  label: string;
  value: PickedOrganization | null;
  onChange: (organization: PickedOrganization | null) => void;
  error?: React.ReactNode;
  defaultCountry: string | null;
}) {
  const trpc = useTRPC();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState(value?.name ?? "");
  const [query] = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ ...trpc.organization.search.queryOptions({ q: query, limit: 8 }), enabled: query.length >= 2 && query !== value?.name });
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure();

  return (
    <>
      <Combobox
        store={combobox}
        onOptionSubmit={(id) => {
          if (id === "__create") {
            openCreate();
          } else {
            const organization = found.data?.find((candidate) => candidate.id === id);
            if (organization) {
              onChange({ id: organization.id, name: organization.name });
              setSearch(organization.name);
            }
          }
          combobox.closeDropdown();
        }}
      >
        <Combobox.Target>
          <TextInput
            label={label}
            placeholder="Search organisations"
            value={search}
            error={error}
            rightSection={found.isFetching ? <Loader size={14} /> : null}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              if (value) onChange(null);
              combobox.openDropdown();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={search.trim().length < 2 || search === value?.name}>
          <Combobox.Options>
            {(found.data ?? []).map((organization) => (
              <Combobox.Option value={organization.id} key={organization.id}>
                <Text size="sm">{organization.name}</Text>
                {organization.aliases.length ? (
                  <Text size="xs" c="dimmed">
                    also {organization.aliases.join(", ")}
                  </Text>
                ) : null}
              </Combobox.Option>
            ))}
            <Combobox.Option value="__create">+ Create “{search.trim()}”</Combobox.Option>
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <Modal opened={creating} onClose={closeCreate} title="New organisation">
        <CreateOrganizationForm
          initialName={search.trim()}
          defaultCountry={defaultCountry}
          onCreated={(organization) => {
            onChange(organization);
            setSearch(organization.name);
            closeCreate();
          }}
        />
      </Modal>
    </>
  );
}

function CreateOrganizationForm({
  initialName,
  defaultCountry,
  onCreated,
}: {
  initialName: string;
  defaultCountry: string | null;
  onCreated: (organization: PickedOrganization) => void;
}) {
  const trpc = useTRPC();
  const countries = useCountryOptions();
  const [name, setName] = useState(initialName);
  const [kind, setKind] = useState<string>("GOVERNMENT_BODY");
  const [countryCode, setCountryCode] = useState<string | null>(defaultCountry);
  const create = useMutation(
    trpc.organization.create.mutationOptions({ onSuccess: (organization) => onCreated({ id: organization.id, name: organization.name }) }),
  );
  return (
    <Stack>
      <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus required />
      <Select label="Kind" data={ORGANIZATION_KIND_OPTIONS} value={kind} onChange={(next) => setKind(next ?? "OTHER")} allowDeselect={false} />
      <Select label="Country" data={countries} value={countryCode} onChange={setCountryCode} searchable clearable />
      {create.error ? (
        <Text c="red" size="sm" role="alert">
          {apiFailure(create.error).message}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button loading={create.isPending} onClick={() => create.mutate({ name, kind: kind as "OTHER", countryCode, aliases: [], memberIds: [] })}>
          Create organisation
        </Button>
      </Group>
    </Stack>
  );
}
