import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { SeverityBadge } from '../ui/Badges';
import { Empty, QueryView } from '../ui/States';

export default function NotificationsPage() {
  const { t, dateTime } = useI18n();
  const client = useQueryClient();
  const notifications = useQuery({
    queryKey: ['notifications'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 50 } } })),
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read')),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['notifications'] });
      client.invalidateQueries({ queryKey: ['unread'] });
    },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('notificationsTitle')}</Title>
        <Button variant="light" onClick={() => readAll.mutate()} loading={readAll.isPending}>
          {t('markAllRead')}
        </Button>
      </Group>
      <QueryView query={notifications}>
        {(page) =>
          !page.items?.length ? (
            <Empty>{t('noNotifications')}</Empty>
          ) : (
            <Stack gap="xs">
              {page.items.map((n) => (
                <Card key={n.id} withBorder padding="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <Group gap="xs" wrap="nowrap">
                      {!n.read && <Badge size="xs" color="red.9">•</Badge>}
                      <SeverityBadge severity={n.severity} />
                      <div>
                        <Text size="sm" fw={n.read ? 400 : 700}>
                          {n.facts?.link ? <Anchor href={new URL(n.facts.link, window.location.origin).pathname}>{n.facts?.headline ?? n.kind}</Anchor> : n.facts?.headline ?? n.kind}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {n.facts?.reference} · {dateTime(n.createdAt)}
                        </Text>
                      </div>
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
