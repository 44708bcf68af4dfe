import { Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useCan } from '../session';
import { PreferencesTab } from './PreferencesTab';
import { WebhooksTab } from './WebhooksTab';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { SeverityBadge } from '../ui/Badges';
import { MoreButton, usePaged } from '../ui/Paged';
import { Empty, QueryView } from '../ui/States';

/** A notification's link, made relative: its console address may name another host (a proxy, a test platform). */
function localPart(link: string): string {
  const url = new URL(link, window.location.origin);
  return url.pathname + url.search + url.hash;
}

/** The inbox, and for those who manage them, the contacts' preferences and the organisation's webhooks. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const can = useCan();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const tab = id ? 'webhooks' : (params.get('tab') ?? 'inbox');
  return (
    <Stack>
      <Title order={2}>{t('notificationsTitle')}</Title>
      <Tabs value={tab} onChange={(v) => navigate(`/notifications?tab=${v ?? 'inbox'}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="inbox">{t('inboxTab')}</Tabs.Tab>
          {can('GET /api/v1/notification-preferences') && <Tabs.Tab value="preferences">{t('preferences')}</Tabs.Tab>}
          {can('GET /api/v1/webhooks') && <Tabs.Tab value="webhooks">{t('webhooks')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="inbox">
          <Inbox />
        </Tabs.Panel>
        <Tabs.Panel value="preferences">
          <PreferencesTab />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks">
          <WebhooksTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Inbox() {
  const { t, dateTime, language } = useI18n();
  const client = useQueryClient();
  const notifications = usePaged(['notifications', language], (after) =>
    unwrap(api.GET('/api/v1/notifications', { params: { query: { after, limit: 50 } } })),
  );
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read')),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['notifications'] });
      client.invalidateQueries({ queryKey: ['unread'] });
    },
  });
  return (
    <Stack>
      <Group justify="flex-end">
        <Button variant="light" onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('markAllRead')}
        </Button>
      </Group>
      <QueryView query={notifications}>
        {() =>
          !notifications.rows.length ? (
            <Empty>{t('noNotifications')}</Empty>
          ) : (
            <Stack gap="xs">
              {notifications.rows.map((n) => (
                <Card key={n.id} withBorder padding="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs" wrap="nowrap">
                      {!n.read && (
                        <Badge size="xs" color="red.9">
                          •
                        </Badge>
                      )}
                      <SeverityBadge severity={n.severity} />
                      <div>
                        <Text size="sm" fw={n.read ? 400 : 700}>
                          {n.facts?.link ? <Anchor href={localPart(n.facts.link)}>{n.title ?? n.kind}</Anchor> : (n.title ?? n.kind)}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {n.facts?.reference} · {dateTime(n.createdAt)}
                        </Text>
                      </div>
                    </Group>
                  </Group>
                </Card>
              ))}
              <MoreButton list={notifications} />
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
