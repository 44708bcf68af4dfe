import {
  Anchor,
  Badge,
  Button,
  Tabs,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { nowInVietnam, useI18n } from '../i18n/i18n';
import { useCan, useSession } from '../session';
import { SeverityBadge, StatusBadge } from '../ui/Badges';
import { ProblemAlert, fieldError } from '../ui/Problems';
import { Empty, QueryView } from '../ui/States';
import { MoreButton, usePaged } from '../ui/Paged';
import { AlertsTab } from './AlertsTab';
import { observablesOf } from './observables';
import { INCIDENT_CATEGORIES as CATEGORIES, SEVERITIES } from '../ui/Enums';
import { useFields } from '../ui/useFields';

type Category = components['schemas']['IncidentCategory'];
type Severity = components['schemas']['IncidentSeverity'];

export default function IncidentsPage() {
  const { t } = useI18n();
  return (
    <Tabs defaultValue="incidents" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="incidents">{t('incidentsTitle')}</Tabs.Tab>
        <Tabs.Tab value="alerts">{t('alerts')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="incidents">
        <Incidents />
      </Tabs.Panel>
      <Tabs.Panel value="alerts">
        <AlertsTab />
      </Tabs.Panel>
    </Tabs>
  );
}

function Incidents() {
  const { t, tv, dateTime } = useI18n();
  const can = useCan();
  const [reporting, setReporting] = useState(false);
  const [severity, setSeverity] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const incidents = usePaged(['incidents', severity, q], (after) =>
    unwrap(
      api.GET('/api/v1/incidents', {
        params: { query: { severity: (severity as Severity) ?? undefined, q: q || undefined, after: after, limit: 50 } },
      }),
    ),
  );
  const rows = incidents.rows;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('incidentsTitle')}</Title>
        {can('POST /api/v1/incidents') && <Button onClick={() => setReporting(true)}>{t('reportIncident')}</Button>}
      </Group>
      <Group align="flex-end">
        <TextInput
          label={t('search')}
          description={t('searchHint')}
          onKeyDown={(e) => e.key === 'Enter' && setQ(e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: tv('sev', s) }))}
          value={severity}
          onChange={setSeverity}
          clearable
          w={160}
        />
      </Group>
      <QueryView query={incidents}>
        {() =>
          !rows.length ? (
            <Empty>{t('noIncidents')}</Empty>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover aria-label={t('incidentsTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reference')}</Table.Th>
                    <Table.Th>{t('severity')}</Table.Th>
                    <Table.Th>{t('category')}</Table.Th>
                    <Table.Th>{t('organization')}</Table.Th>
                    <Table.Th>{t('status')}</Table.Th>
                    <Table.Th>{t('resolutionDue')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/incidents/${i.id}`} fw={600}>
                          {i.reference}
                        </Anchor>
                        <Text size="xs" lineClamp={1}>
                          {i.title}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <SeverityBadge severity={i.severity} />
                      </Table.Td>
                      <Table.Td>{tv('cat', i.category)}</Table.Td>
                      <Table.Td>{i.reportingOrganization}</Table.Td>
                      <Table.Td>
                        <StatusBadge prefix="in" status={i.status} />
                        {!!i.escalatedTo?.length && (
                          <Badge variant="outline" ml={4}>
                            {i.escalatedTo.join(', ')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={i.resolutionOverdue ? 'red.9' : undefined} fw={i.resolutionOverdue ? 700 : 400}>
                          {dateTime(i.resolutionDue)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      <MoreButton list={incidents} />
      <Modal opened={reporting} onClose={() => setReporting(false)} title={t('reportIncident')} size="lg">
        <ReportIncident onDone={() => setReporting(false)} />
      </Modal>
    </Stack>
  );
}

/** The fields that the incident report form of Circular 20/2017 (and Decree 85) asks for. */
function ReportIncident({ onDone }: { onDone: () => void }) {
  const { t, tv } = useI18n();
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const {
    fields: form,
    setFields: setForm,
    bind: set,
  } = useFields({
    title: '',
    category: 'MALWARE' as Category,
    severity: 'HIGH' as Severity,
    detectedAt: nowInVietnam(),
    description: '',
    impact: '',
    scope: '',
    measuresTaken: '',
    supportRequested: '',
    contactName: session.name ?? '',
    phone: '',
    email: session.email ?? '',
    observables: '',
  });
  const report = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/incidents', {
          params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: {
            title: form.title,
            category: form.category,
            severity: form.severity,
            // The wall clock of Vietnam, with its offset: what the person saw is what is stored.
            detectedAt: `${form.detectedAt}:00+07:00`,
            description: form.description || undefined,
            impact: form.impact || undefined,
            scope: form.scope || undefined,
            measuresTaken: form.measuresTaken || undefined,
            supportRequested: form.supportRequested || undefined,
            contact: { name: form.contactName || undefined, phone: form.phone || undefined, email: form.email || undefined },
            observables: observablesOf(form.observables),
          },
        }),
      ),
    onSuccess: (incident) => {
      client.invalidateQueries({ queryKey: ['incidents'] });
      onDone();
      navigate(`/incidents/${incident.id}`);
    },
  });
  return (
    <Stack component="form" onSubmit={(e) => (e.preventDefault(), report.mutate())}>
      <TextInput label={t('title')} required value={form.title} onChange={set('title')} error={fieldError(report.error, 'title')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('category')}
          data={CATEGORIES.map((c) => ({ value: c, label: tv('cat', c) }))}
          value={form.category}
          onChange={(v) => setForm({ ...form, category: v as Category })}
          allowDeselect={false}
        />
        <Select
          label={t('severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: tv('sev', s) }))}
          value={form.severity}
          onChange={(v) => setForm({ ...form, severity: v as Severity })}
          allowDeselect={false}
        />
        <TextInput
          label={t('detectedAt')}
          type="datetime-local"
          value={form.detectedAt}
          onChange={set('detectedAt')}
          required
          error={fieldError(report.error, 'detectedAt')}
        />
      </SimpleGrid>
      <Textarea
        label={t('description')}
        value={form.description}
        onChange={set('description')}
        autosize
        minRows={2}
        error={fieldError(report.error, 'description')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea label={t('impact')} value={form.impact} onChange={set('impact')} autosize />
        <Textarea label={t('scope')} value={form.scope} onChange={set('scope')} autosize />
        <Textarea label={t('measuresTaken')} value={form.measuresTaken} onChange={set('measuresTaken')} autosize />
        <Textarea label={t('supportRequested')} value={form.supportRequested} onChange={set('supportRequested')} autosize />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t('contactName')} value={form.contactName} onChange={set('contactName')} />
        <TextInput label={t('phone')} value={form.phone} onChange={set('phone')} error={fieldError(report.error, 'phone')} />
        <TextInput label={t('email')} value={form.email} onChange={set('email')} error={fieldError(report.error, 'email')} />
      </SimpleGrid>
      <Textarea
        label={t('observables')}
        description={t('observablesHint')}
        value={form.observables}
        onChange={set('observables')}
        autosize
        minRows={2}
        error={fieldError(report.error, 'observables')}
      />
      <ProblemAlert error={report.error} />
      <Group justify="flex-end">
        <Button type="submit" loading={report.isPending}>
          {t('reportIncident')}
        </Button>
      </Group>
    </Stack>
  );
}
