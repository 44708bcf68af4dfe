import { Alert, Badge, Button, Card, Grid, Group, Select, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { SeverityBadge, StatusBadge } from '../ui/Badges';
import { ProblemAlert } from '../ui/Problems';
import { QueryView } from '../ui/States';
import { observablesOf } from './observables';

type Incident = components['schemas']['IncidentView'];

export default function IncidentPage() {
  const { id = '' } = useParams();
  const { t, tv, dateTime } = useI18n();
  const incident = useQuery({
    queryKey: ['incident', id],
    queryFn: () => unwrap(api.GET('/api/v1/incidents/{id}', { params: { path: { id } } })),
  });
  return (
    <QueryView query={incident}>
      {(i) => (
        <Stack>
          <div>
            <Text c="dimmed" size="sm">
              {i.reportingOrganization} · {tv('cat', i.category)} · {dateTime(i.detectedAt)}
            </Text>
            <Title order={2}>
              {i.reference} — {i.title}
            </Title>
            <Group gap="xs" mt={4}>
              <SeverityBadge severity={i.severity} />
              <StatusBadge prefix="in" status={i.status} />
              {(i.escalatedTo ?? []).map((to) => (
                <Badge key={to} variant="outline" color="red.9">
                  {t('escalatedTo')} {to}
                </Badge>
              ))}
            </Group>
          </div>
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack>
                <Card withBorder>
                  {i.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{i.description}</Text>}
                  <Facts incident={i} />
                </Card>
                <Card withBorder>
                  <Title order={3} size="h4">
                    {t('timeline')}
                  </Title>
                  <Timeline mt="sm" bulletSize={12}>
                    {(i.timeline ?? []).map((e, n) => (
                      <Timeline.Item key={n} title={e.kind}>
                        <Text size="sm">{e.text}</Text>
                        <Text size="xs" c="dimmed">
                          {e.actor} · {dateTime(e.at)}
                        </Text>
                      </Timeline.Item>
                    ))}
                  </Timeline>
                  <Comment incident={i} />
                </Card>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Actions incident={i} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryView>
  );
}

function Facts({ incident }: { incident: Incident }) {
  const { t, dateTime } = useI18n();
  const rows: [string, string | undefined][] = [
    [t('impact'), incident.impact],
    [t('scope'), incident.scope],
    [t('measuresTaken'), incident.measuresTaken],
    [t('supportRequested'), incident.supportRequested],
    [t('contactName'), [incident.contact?.name, incident.contact?.phone, incident.contact?.email].filter(Boolean).join(' · ')],
    [t('assignee'), [incident.assignee?.person, incident.assignee?.organization].filter(Boolean).join(' · ')],
    [t('firstResponseDue'), dateTime(incident.firstResponseDue)],
    [t('resolutionDue'), dateTime(incident.resolutionDue)],
    [t('observables'), (incident.observables ?? []).map((o) => `${o.type} ${o.value}`).join(', ')],
  ];
  return (
    <Stack gap={4} mt="sm">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Text size="sm" key={label}>
            <b>{label}:</b> {value}
          </Text>
        ))}
    </Stack>
  );
}

function useIncidentChange<T>(incident: Incident, call: (input: T) => Promise<Incident>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (updated) => {
      client.setQueryData(['incident', incident.id], updated);
      client.invalidateQueries({ queryKey: ['incidents'] });
    },
  });
}

function Actions({ incident }: { incident: Incident }) {
  const { t, tv } = useI18n();
  const can = useCan();
  const id = incident.id!;
  const [status, setStatus] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const move = useIncidentChange(incident, () =>
    unwrap(
      api.POST('/api/v1/incidents/{id}/status', {
        params: { path: { id } },
        body: { status: status as Incident['status'] & string, note: note || undefined },
      }),
    ),
  );
  const escalate = useIncidentChange(incident, (to: 'VNCERT' | 'NCSC') =>
    unwrap(
      api.POST('/api/v1/incidents/{id}/escalations', {
        params: { path: { id } },
        body: { to, channel: 'PLATFORM', note: note || undefined },
      }),
    ),
  );
  const [person, setPerson] = useState('');
  const assign = useIncidentChange(incident, () =>
    unwrap(api.POST('/api/v1/incidents/{id}/assignment', { params: { path: { id } }, body: { person } })),
  );
  return (
    <Stack>
      {can('POST /api/v1/incidents/{id}/status') && !!incident.allowedNext?.length && (
        <Card withBorder>
          <Stack gap="xs">
            <Select
              label={t('moveTo')}
              data={incident.allowedNext.map((s) => ({ value: s, label: tv('in', s) }))}
              value={status}
              onChange={setStatus}
            />
            <Textarea label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize />
            <Button disabled={!status} loading={move.isPending} onClick={() => move.mutate(undefined)}>
              {t('save')}
            </Button>
            <ProblemAlert error={move.error} />
          </Stack>
        </Card>
      )}
      {can('POST /api/v1/incidents/{id}/escalations') && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t('escalate')}
          </Title>
          <Group mt="xs">
            {(['VNCERT', 'NCSC'] as const).map((to) => (
              <Button
                key={to}
                variant="outline"
                color="red.9"
                disabled={incident.escalatedTo?.includes(to)}
                loading={escalate.isPending && escalate.variables === to}
                onClick={() => escalate.mutate(to)}
              >
                {t('escalateTo', { to: to === 'VNCERT' ? 'VNCERT/CC' : 'NCSC' })}
              </Button>
            ))}
          </Group>
          {escalate.isSuccess && (
            <Alert color="green" mt="xs">
              {t('escalated', { to: escalate.variables })}
            </Alert>
          )}
          <ProblemAlert error={escalate.error} />
        </Card>
      )}
      {can('POST /api/v1/incidents/{id}/observables') && <AddObservables incident={incident} />}
      {can('POST /api/v1/incidents/{id}/assignment') && (
        <Card withBorder>
          <Group align="flex-end">
            <TextInput label={t('assignee')} value={person} onChange={(e) => setPerson(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button variant="light" disabled={!person} onClick={() => assign.mutate(undefined)} loading={assign.isPending}>
              {t('assign')}
            </Button>
          </Group>
          <ProblemAlert error={assign.error} />
        </Card>
      )}
    </Stack>
  );
}

function AddObservables({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const [lines, setLines] = useState('');
  const add = useIncidentChange(incident, () =>
    unwrap(api.POST('/api/v1/incidents/{id}/observables', { params: { path: { id: incident.id! } }, body: observablesOf(lines) })),
  );
  return (
    <Card withBorder>
      <Textarea
        label={t('addObservables')}
        description={t('observablesHint')}
        value={lines}
        onChange={(e) => setLines(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group justify="flex-end" mt="xs">
        <Button
          variant="light"
          disabled={!lines.trim()}
          loading={add.isPending}
          onClick={() => add.mutate(undefined, { onSuccess: () => setLines('') })}
        >
          {t('save')}
        </Button>
      </Group>
      <ProblemAlert error={add.error} />
    </Card>
  );
}

function Comment({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const can = useCan();
  const [text, setText] = useState('');
  const comment = useIncidentChange(incident, () =>
    unwrap(api.POST('/api/v1/incidents/{id}/timeline', { params: { path: { id: incident.id! } }, body: { kind: 'COMMENT', text } })),
  );
  if (!can('POST /api/v1/incidents/{id}/timeline')) return null;
  return (
    <Group align="flex-end" mt="sm">
      <TextInput label={t('addComment')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} />
      <Button
        variant="light"
        disabled={!text}
        loading={comment.isPending}
        onClick={() => comment.mutate(undefined, { onSuccess: () => setText('') })}
      >
        {t('save')}
      </Button>
    </Group>
  );
}
