"use client";
import { ActionIcon, AppShell, Burger, Button, Group, NavLink, Text, Title, useComputedColorScheme, useMantineColorScheme } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconChecklist,
  IconClipboardList,
  IconCode,
  IconFileImport,
  IconHistory,
  IconHome,
  IconNews,
  IconKey,
  IconMoon,
  IconBuilding,
  IconSun,
  IconUsers,
  IconWebhook,
} from "@tabler/icons-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { hasRole } from "@coop/core/validators/vocabulary";
import { signOut } from "./auth-client";

export interface ShellUser {
  name: string;
  email: string;
  role: "ADMIN" | "EDITOR" | "CONTRIBUTOR";
}

const NAVIGATION = [
  { href: "/admin", label: "Overview", icon: IconHome, minimumRole: "CONTRIBUTOR" },
  { href: "/admin/records", label: "Records", icon: IconClipboardList, minimumRole: "CONTRIBUTOR" },
  { href: "/admin/intake", label: "Add from report", icon: IconNews, minimumRole: "CONTRIBUTOR" },
  { href: "/admin/review", label: "Review", icon: IconChecklist, minimumRole: "CONTRIBUTOR" },
  { href: "/admin/import", label: "Import", icon: IconFileImport, minimumRole: "EDITOR" },
  { href: "/admin/organizations", label: "Organisations", icon: IconBuilding, minimumRole: "CONTRIBUTOR" },
  { href: "/admin/embed", label: "Embed", icon: IconCode, minimumRole: "CONTRIBUTOR" },
  { href: "/admin/users", label: "Users", icon: IconUsers, minimumRole: "ADMIN", group: "Admin" },
  { href: "/admin/tokens", label: "API tokens", icon: IconKey, minimumRole: "ADMIN", group: "Admin" },
  { href: "/admin/webhooks", label: "Webhooks", icon: IconWebhook, minimumRole: "ADMIN", group: "Admin" },
  { href: "/admin/audit", label: "Audit", icon: IconHistory, minimumRole: "ADMIN", group: "Admin" },
] as const;

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme("light", { getInitialValueInEffect: true });
  const next = computed === "dark" ? "light" : "dark";
  return (
    <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} theme`} onClick={() => setColorScheme(next)}>
      {computed === "dark" ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  );
}

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The dashboard frame: header with theme toggle and the signed-in user, navigation by role. */
export function AdminShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = usePathname();
  const links = NAVIGATION.filter((item) => hasRole(user.role, item.minimumRole));
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h4">
              coop-tracker
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" data-testid="signed-in-user">
              {user.name} · {user.role.toLowerCase()}
            </Text>
            <ColorSchemeToggle />
            <Button variant="default" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Dashboard">
        {links.map((item, index) => (
          <div key={item.href}>
            {"group" in item && links[index - 1] && !("group" in links[index - 1]!) ? (
              <Text size="xs" c="dimmed" fw={700} tt="uppercase" mt="md" mb={4} px="sm">
                {item.group}
              </Text>
            ) : null}
            <NavLink
              component={Link}
              href={item.href}
              label={item.label}
              leftSection={<item.icon size={18} />}
              active={isCurrent(pathname, item.href)}
              aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
              onClick={close}
            />
          </div>
        ))}
        <NavLink component={Link} href="/admin/password" label="Change password" mt="auto" onClick={close} />
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
