import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { ProblemAlert } from '../ui/Problems';
import { Empty, QueryView } from '../ui/States';
import { MoreButton, usePaged } from '../ui/Paged';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../ui/Enums';

type Alert = components['schemas']['AlertView'];
type Category = components['schemas']['IncidentCategory'];
type Severity = components['schemas']['IncidentSeverity'];

/** Alerts pushed by monitoring (NCSC, the agency's own SOC): promote one to a new incident, or attach it to one. */
export function AlertsTab() {
  const { t, dateTime } = useI18n();
  const can = useCan();
  const [status, setStatus] = useState<string | null>('NEW');
  const [chosen, setChosen] = useState<Alert | null>(null);
  const alerts = usePaged(['alerts', status], (after) =>
    unwrap(api.GET('/api/v1/alerts', { params: { query: { status: status ?? undefined, after: after, limit: 50 } } })),
  );
  const rows = alerts.rows;
  return (
    <Stack>
      <Select label={t('status')} data={['NEW', 'PROMOTED', 'ATTACHED']} value={status} onChange={setStatus} clearable w={180} />
      <QueryView query={alerts}>
        {() =>
          !rows.length ? (
            <Empty>{t('noAlerts')}</Empty>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label={t('alerts')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('title')}</Table.Th>
                    <Table.Th>{t('source')}</Table.Th>
                    <Table.Th>{t('organization')}</Table.Th>
                    <Table.Th>{t('when')}</Table.Th>
                    <Table.Th>{t('status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {a.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {(a.observables ?? []).map((o) => o.value).join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {a.source}{' '}
                        <Text size="xs" c="dimmed">
                          {a.sourceReference}
                        </Text>
                      </Table.Td>
                      <Table.Td>{a.organization}</Table.Td>
                      <Table.Td>
                        {dateTime(a.lastPushedAt)} {(a.occurrences ?? 1) > 1 && <Badge size="xs">×{a.occurrences}</Badge>}
                      </Table.Td>
                      <Table.Td>
                        {a.incidentId ? (
                          <Anchor component={Link} to={`/incidents/${a.incidentId}`}>
                            {a.status}
                          </Anchor>
                        ) : can('POST /api/v1/alerts/{id}/promotion') ? (
                          <Button size="compact-sm" variant="light" onClick={() => setChosen(a)}>
                            {t('promote')}
                          </Button>
                        ) : (
                          a.status
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      <MoreButton list={alerts} />
      <Modal opened={!!chosen} onClose={() => setChosen(null)} title={chosen?.title} size="lg">
        {chosen && <Handle alert={chosen} onDone={() => setChosen(null)} />}
      </Modal>
    </Stack>
  );
}

function Handle({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const { t, tv } = useI18n();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [category, setCategory] = useState<Category>('MALWARE');
  const [severity, setSeverity] = useState<Severity>('HIGH');
  const [incident, setIncident] = useState('');
  const settled = (id?: string) => {
    client.invalidateQueries({ queryKey: ['alerts'] });
    client.invalidateQueries({ queryKey: ['incidents'] });
    onDone();
    if (id) navigate(`/incidents/${id}`);
  };
  const promote = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/alerts/{id}/promotion', { params: { path: { id: alert.id! } }, body: { category, severity } })),
    onSuccess: (created) => settled(created.id),
  });
  const attach = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/alerts/{id}/attachment/{incidentId}', { params: { path: { id: alert.id!, incidentId: incident } } })),
    onSuccess: () => settled(incident),
  });
  return (
    <Stack>
      <Group grow>
        <Select
          label={t('category')}
          data={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: tv('cat', c) }))}
          value={category}
          onChange={(v) => setCategory(v as Category)}
          allowDeselect={false}
        />
        <Select
          label={t('severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: tv('sev', s) }))}
          value={severity}
          onChange={(v) => setSeverity(v as Severity)}
          allowDeselect={false}
        />
      </Group>
      <Button onClick={() => promote.mutate()} loading={promote.isPending}>
        {t('promote')}
      </Button>
      <ProblemAlert error={promote.error} />
      <Group align="flex-end">
        <TextInput
          label={t('attachTo')}
          description={t('attachHint')}
          value={incident}
          onChange={(e) => setIncident(e.currentTarget.value.trim())}
          style={{ flex: 1 }}
        />
        <Button variant="light" disabled={!incident} onClick={() => attach.mutate()} loading={attach.isPending}>
          {t('attach')}
        </Button>
      </Group>
      <ProblemAlert error={attach.error} />
    </Stack>
  );
}
