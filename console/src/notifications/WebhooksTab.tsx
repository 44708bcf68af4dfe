import { Alert, Anchor, Badge, Button, Card, Checkbox, Code, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { ProblemAlert, fieldError } from '../ui/Problems';
import { MoreButton, usePaged } from '../ui/Paged';
import { Empty, QueryView } from '../ui/States';

type Webhook = components['schemas']['WebhookView'];

/** The kinds of notification a webhook can subscribe to (notification-service's NoticeKind, as CloudEvent types). */
const EVENT_TYPES = [
  'directive-issued',
  'directive-due-in-3-days',
  'directive-due-in-1-day',
  'directive-overdue',
  'directive-unanswered',
  'exposure-detected',
  'exposure-reopened',
  'exposures-due-soon',
  'exposures-overdue',
  'exposures-escalated',
  'incident-reported',
  'incident-escalated',
  'incident-sla-breached',
  'duty-coverage-gap',
  'duty-shift-starting',
].map((kind) => `canhgac.notification.${kind}.v1`);

export function WebhooksTab() {
  const { t, dateTime } = useI18n();
  const can = useCan();
  const { id } = useParams();
  const webhooks = useQuery({ queryKey: ['webhooks'], queryFn: () => unwrap(api.GET('/api/v1/webhooks')) });
  return (
    <Stack>
      {can('POST /api/v1/webhooks') && <NewWebhook />}
      <QueryView query={webhooks}>
        {(list) =>
          !list.length ? (
            <Empty>{t('noWebhooks')}</Empty>
          ) : (
            <Table aria-label={t('webhooks')}>
              <Table.Tbody>
                {list.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/webhooks/${w.id}`}>
                        {w.url}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {w.description} · {w.eventTypes?.length} · {dateTime(w.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {w.enabled ? <Badge color="green.9">{t('enabled')}</Badge> : <Badge color="red.9">{t('disabled')}</Badge>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryView>
      {id && <WebhookDetail key={id} id={id} />}
    </Stack>
  );
}

function NewWebhook() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<string[]>(['canhgac.notification.incident-reported.v1', 'canhgac.notification.exposure-detected.v1']);
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks', { body: { url, description: description || undefined, eventTypes: types } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhooks'] }),
  });
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
      <Title order={3} size="h4">
        {t('newWebhook')}
      </Title>
      <Stack mt="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="URL"
            required
            placeholder="https://soc.example.gov.vn/canhgac"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fieldError(create.error, 'url')}
          />
          <TextInput label={t('description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        </SimpleGrid>
        <Checkbox.Group label={t('eventTypes')} value={types} onChange={setTypes} error={fieldError(create.error, 'eventTypes')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {EVENT_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={<Code>{type.replace('canhgac.notification.', '').replace('.v1', '')}</Code>} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <ProblemAlert error={create.error} />
        {create.data?.secret && <SecretOnce secret={create.data.secret} />}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={!types.length}>
            {t('subscribe')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function SecretOnce({ secret }: { secret: string }) {
  const { t } = useI18n();
  return (
    <Alert color="orange" title={t('secretOnce')}>
      <Code block data-testid="webhook-secret">
        {secret}
      </Code>
    </Alert>
  );
}

function WebhookDetail({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const webhook = useQuery({
    queryKey: ['webhook', id],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}', { params: { path: { id } } })),
  });
  const deliveries = usePaged(['webhook', id, 'deliveries'], (after) =>
    unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { after, limit: 50 } } })),
  );
  const refresh = (w?: Webhook) => {
    if (w) client.setQueryData(['webhook', id], w);
    client.invalidateQueries({ queryKey: ['webhooks'] });
    client.invalidateQueries({ queryKey: ['webhook', id, 'deliveries'] });
  };
  const enable = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/{id}/enable', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/webhooks/{id}/secret', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const replay = useMutation({
    mutationFn: (delivery: string) =>
      unwrap(api.POST('/api/v1/webhooks/{id}/deliveries/{delivery}/replay', { params: { path: { id, delivery } } })),
    onSuccess: () => refresh(),
  });
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: (version: number) =>
      unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id }, header: { 'If-Match': `"${version}"` } } })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['webhooks'] });
      navigate('/notifications?tab=webhooks');
    },
  });
  const manage = can('POST /api/v1/webhooks/{id}/enable');
  return (
    <QueryView query={webhook}>
      {(w) => (
        <Card withBorder>
          <Title order={3} size="h4">
            {w.url}
          </Title>
          {!w.enabled && (
            <Alert color="red" mt="xs" title={t('disabled')}>
              {w.disabledReason} · {dateTime(w.disabledAt)}
            </Alert>
          )}
          {manage && (
            <Group mt="sm">
              {!w.enabled && (
                <Button onClick={() => enable.mutate()} loading={enable.isPending}>
                  {t('enable')}
                </Button>
              )}
              <Button variant="light" onClick={() => rotate.mutate()} loading={rotate.isPending}>
                {t('rotateSecret')}
              </Button>
              {can('DELETE /api/v1/webhooks/{id}') && (
                <Button variant="subtle" color="red.9" onClick={() => remove.mutate(w.version ?? 0)} loading={remove.isPending}>
                  {t('removeWebhook')}
                </Button>
              )}
            </Group>
          )}
          {rotate.data?.secret && <SecretOnce secret={rotate.data.secret} />}
          <ProblemAlert error={enable.error ?? rotate.error ?? replay.error ?? remove.error} />
          <Title order={4} size="h5" mt="md">
            {t('deliveries')}
          </Title>
          <QueryView query={deliveries}>
            {() => (
              <>
                <Table.ScrollContainer minWidth={560}>
                  <Table fz="sm" aria-label={t('deliveries')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>ID</Table.Th>
                        <Table.Th>{t('status')}</Table.Th>
                        <Table.Th>{t('when')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {deliveries.rows.map((d) => (
                        <Table.Tr key={d.id}>
                          <Table.Td>
                            <Code>{d.id}</Code>
                            <Text size="xs" c="dimmed">
                              {d.kind}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {d.state} · {t('attempts')}: {d.attempts} · {d.lastStatus ?? d.lastError}
                          </Table.Td>
                          <Table.Td>{dateTime(d.sentAt ?? d.nextAttemptAt ?? d.createdAt)}</Table.Td>
                          <Table.Td>
                            {manage && (
                              <Button size="compact-xs" variant="subtle" onClick={() => replay.mutate(d.id!)}>
                                {t('replay')}
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <MoreButton list={deliveries} />
              </>
            )}
          </QueryView>
        </Card>
      )}
    </QueryView>
  );
}
