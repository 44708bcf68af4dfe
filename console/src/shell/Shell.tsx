import { Anchor, AppShell, Badge, Burger, Button, Group, NavLink, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { useSession } from '../session';
import { Loading } from '../ui/States';

interface Section {
  path: string;
  label: MessageKey;
  roles?: string[];
}

const SECTIONS: Section[] = [
  { path: '/', label: 'navOverview' },
  { path: '/directives', label: 'navDirectives' },
  { path: '/exposures', label: 'navExposures' },
  { path: '/inventory', label: 'navInventory' },
  { path: '/advisories', label: 'navAdvisories' },
  { path: '/incidents', label: 'navIncidents' },
  { path: '/duty', label: 'navDuty' },
  // The API lets these roles read the audit trail (GET /api/v1/audit).
  { path: '/audit', label: 'navAudit', roles: ['authority', 'coordinator', 'org-admin', 'auditor'] },
  { path: '/notifications', label: 'navNotifications' },
];

export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { t, language, setLanguage } = useI18n();
  const session = useSession();
  const location = useLocation();
  const unread = useQuery({
    queryKey: ['unread'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const sections = SECTIONS.filter((s) => !s.roles || s.roles.some((r) => session.roles.includes(r)));
  const active = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path));
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('menu')} />
            <img src="/icon.svg" width={28} height={28} alt="" />
            <Title order={1} size="h4">
              {t('appName')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="who">
              {session.name ?? session.username} · {session.organization}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}
              lang={language === 'vi' ? 'en' : 'vi'}
            >
              {t('switchLanguage')}
            </Button>
            <Button component="a" href="/logout" variant="default" size="compact-sm">
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('menu')}>
        <nav>
          {sections.map((s) => (
            <NavLink
              key={s.path}
              component={Link}
              to={s.path}
              label={t(s.label)}
              active={active(s.path)}
              aria-current={active(s.path) ? 'page' : undefined}
              onClick={close}
              rightSection={
                s.path === '/notifications' && unread.data?.unread ? (
                  <Badge size="sm" color="red.9">
                    {unread.data.unread > 99 ? '99+' : unread.data.unread}
                    <VisuallyHidden> {t('unread')}</VisuallyHidden>
                  </Badge>
                ) : undefined
              }
            />
          ))}
        </nav>
        <Anchor href="/q/swagger-ui" size="xs" c="dimmed" mt="auto" p="xs">
          API
        </Anchor>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
