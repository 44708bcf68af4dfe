import { Anchor, Button, Code, Group, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useDownload, withQuery } from '../ui/Download';
import { ProblemAlert } from '../ui/Problems';
import { todayInVietnam, useI18n } from '../i18n/i18n';
import { Empty, QueryView } from '../ui/States';
import { MoreButton, usePaged } from '../ui/Paged';

/** The fields whose values differ between before and after, side by side. */
function Changes({ before, after }: { before?: unknown; after?: unknown }) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return (
    <Table fz="xs" mt={4}>
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k}>
            <Table.Td fw={600}>{k}</Table.Td>
            <Table.Td c="red.9">{b[k] === undefined ? '—' : JSON.stringify(b[k])}</Table.Td>
            <Table.Td c="green.9">{a[k] === undefined ? '—' : JSON.stringify(a[k])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface AuditQuery {
  actor?: string;
  entityType?: string;
  entityId?: string;
  since?: string;
  until?: string;
  after?: string;
  limit?: number;
}

/** Each service keeps the trail of what it owns: the objects it records, and where it serves them. */
const TRAILS = {
  inventory: {
    path: '/api/v1/audit',
    objects: ['organization', 'system', 'system-measure', 'asset'],
    read: (query: AuditQuery) => unwrap(api.GET('/api/v1/audit', { params: { query } })),
  },
  advisory: {
    path: '/api/v1/audit/advisory',
    objects: ['advisory', 'botnet-list', 'directive', 'directive-acknowledgement', 'directive-report', 'due-policy', 'matching-set-aside'],
    read: (query: AuditQuery) => unwrap(api.GET('/api/v1/audit/advisory', { params: { query } })),
  },
  incident: {
    path: '/api/v1/audit/incident',
    objects: ['duty-shift'],
    read: (query: AuditQuery) => unwrap(api.GET('/api/v1/audit/incident', { params: { query } })),
  },
};
type Trail = keyof typeof TRAILS;

export default function AuditPage() {
  const { t, tv, dateTime } = useI18n();
  const [trail, setTrail] = useState<Trail>('inventory');
  const [filters, setFilters] = useState<Omit<AuditQuery, 'after' | 'limit'>>({});
  const [open, setOpen] = useState<number | null>(null);
  const audit = usePaged(['audit', trail, filters], (after) => TRAILS[trail].read({ ...filters, after, limit: 50 }));
  // The same entries as one file for an inspection.
  const file = useDownload();
  const exportCsv = () =>
    file.start(withQuery(`${TRAILS[trail].path}/export`, filters), 'text/csv', `audit-${trail}-${todayInVietnam()}.csv`);
  const rows = audit.rows;
  const field = (name: keyof typeof filters, label: string) => (
    <TextInput
      label={label}
      onKeyDown={(e) => e.key === 'Enter' && setFilters({ ...filters, [name]: e.currentTarget.value || undefined })}
      w={200}
    />
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('auditTitle')}</Title>
        <Button variant="light" size="xs" onClick={exportCsv} loading={file.busy}>
          {t('download')} CSV
        </Button>
      </Group>
      <ProblemAlert error={file.failed} />
      <SegmentedControl
        aria-label={t('auditTrail')}
        value={trail}
        onChange={(value) => {
          setTrail(value as Trail);
          setFilters({ ...filters, entityType: undefined });
          setOpen(null);
        }}
        data={(Object.keys(TRAILS) as Trail[]).map((value) => ({ value, label: t(`trail_${value}`) }))}
      />
      <Group>
        {field('actor', t('actor'))}
        <Select
          label={t('object')}
          placeholder={t('anyObject')}
          clearable
          w={240}
          value={filters.entityType ?? null}
          onChange={(value) => setFilters({ ...filters, entityType: value ?? undefined })}
          data={TRAILS[trail].objects.map((value) => ({ value, label: tv('audited', value) }))}
        />
        {field('entityId', 'ID')}
        <TextInput
          label={t('from')}
          type="date"
          w={170}
          onChange={(e) => setFilters({ ...filters, since: e.currentTarget.value ? `${e.currentTarget.value}T00:00:00+07:00` : undefined })}
        />
        <TextInput
          label={t('to')}
          type="date"
          w={170}
          onChange={(e) => setFilters({ ...filters, until: e.currentTarget.value ? `${e.currentTarget.value}T23:59:59+07:00` : undefined })}
        />
      </Group>
      <QueryView query={audit}>
        {() =>
          !rows.length ? (
            <Empty>{t('noAudit')}</Empty>
          ) : (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table striped aria-label={t('auditTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('when')}</Table.Th>
                      <Table.Th>{t('actor')}</Table.Th>
                      <Table.Th>{t('action')}</Table.Th>
                      <Table.Th>{t('object')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{dateTime(r.occurredAt)}</Table.Td>
                        <Table.Td>
                          {r.actor}
                          <Text size="xs" c="dimmed">
                            {r.actorOrg}
                          </Text>
                        </Table.Td>
                        <Table.Td>{tv('auditAction', r.action)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {tv('audited', r.entityType)} <Code>{r.entityId}</Code>
                          </Text>
                          <Anchor component="button" size="xs" onClick={() => setOpen(open === r.id ? null : r.id!)}>
                            {t('whatChanged')}
                          </Anchor>
                          {open === r.id && <Changes before={r.before} after={r.after} />}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <MoreButton list={audit} />
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}
