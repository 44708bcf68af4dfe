import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Drawer,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useDownload, withQuery } from '../ui/Download';
import type { components } from '../api/schema';
import { todayInVietnam, useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { DueBadge, SeverityBadge, StatusBadge } from '../ui/Badges';
import { ProblemAlert } from '../ui/Problems';
import { Empty, QueryView } from '../ui/States';
import { MoreButton, usePaged } from '../ui/Paged';
import { AsOf, freshnessOf } from '../ui/AsOf';
import { exposureDone, SEVERITIES, STILL_TO_FIX } from '../ui/Enums';

type Exposure = components['schemas']['ExposureView'];
type Status = components['schemas']['ExposureStatus'];
const STATUSES: Status[] = [
  'TO_CONFIRM',
  'OPEN',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'MITIGATED',
  'RESOLVED',
  'RISK_ACCEPTED',
  'FALSE_POSITIVE',
  'WITHDRAWN',
];

/** Filters live in the address, so a filtered list can be bookmarked, shared and linked from the overview. */
export default function ExposuresPage() {
  const { t, tv, date } = useI18n();
  const can = useCan();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<string[]>([]);
  const filter = (name: string) => params.get(name) ?? undefined;
  const setFilter = (name: string, value: string | null | undefined) => {
    // A selection made under other filters would act on rows no longer shown.
    setSelected([]);
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const query = {
    organization: filter('organization'),
    parent: filter('parent'),
    severity: filter('severity') as (typeof SEVERITIES)[number] | undefined,
    status: filter('status') as Status | undefined,
    overdue: filter('overdue') === 'true' ? true : undefined,
    dueBefore: filter('dueBefore'),
    q: filter('q'),
    advisoryId: filter('advisoryId'),
    botnetListId: filter('botnetListId'),
    assetId: filter('assetId'),
    limit: 50,
  };
  const list = usePaged(['exposures', query], async (after) => {
    const answer = await api.GET('/api/v1/exposures', { params: { query: { ...query, after } } });
    return { ...(await unwrap(Promise.resolve(answer))), freshness: freshnessOf(answer.response) };
  });
  const rows = list.rows;
  // A filter the page has no field for (it came with a link), shown so that it can be seen and cleared.
  const filterChip = (name: string, text: string) => (
    <Group key={name} gap="xs">
      <Badge variant="outline" color="gray" size="lg" tt="none">
        {text}
      </Badge>
      <Button size="compact-xs" variant="subtle" onClick={() => setFilter(name, null)}>
        {t('clearFilter')}
      </Button>
    </Group>
  );
  // The same filters as one file for a spreadsheet; a selection too large for one is refused with the reason.
  const file = useDownload();
  const exportCsv = () =>
    file.start(withQuery('/api/v1/exposures/export', { ...query, limit: undefined }), 'text/csv', `exposures-${todayInVietnam()}.csv`);
  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('exposuresTitle')}</Title>
        <Group gap="sm" align="baseline">
          <AsOf freshness={list.data?.pages[0]?.freshness} />
          <Button variant="light" size="xs" onClick={exportCsv} loading={file.busy}>
            {t('download')} CSV
          </Button>
        </Group>
      </Group>
      <ProblemAlert error={file.failed} />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          key={`q-${query.q}`}
          label={t('search')}
          description={t('searchHint')}
          defaultValue={query.q}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('q', e.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: tv('sev', s) }))}
          value={query.severity ?? null}
          onChange={(v) => setFilter('severity', v)}
          clearable
          w={150}
        />
        <Select
          label={t('status')}
          data={[{ value: STILL_TO_FIX, label: t('stillToFix') }, ...STATUSES.map((s) => ({ value: s, label: tv('ex', s) }))]}
          value={query.status ?? null}
          onChange={(v) => setFilter('status', v)}
          clearable
          w={170}
        />
        <TextInput
          key={`o-${query.organization}`}
          label={t('organization')}
          defaultValue={query.organization}
          onKeyDown={(e) => e.key === 'Enter' && setFilter('organization', e.currentTarget.value)}
          w={170}
        />
        <Switch
          label={t('onlyOverdue')}
          checked={!!query.overdue}
          onChange={(e) => setFilter('overdue', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </Group>
      {(['advisoryId', 'botnetListId', 'assetId'] as const)
        .filter((name) => query[name])
        .map((name) =>
          filterChip(
            name,
            `${t(name === 'advisoryId' ? 'advisoriesTitle' : name === 'botnetListId' ? 'botnetLists' : 'asset')}: ${
              rows[0]?.[name] === query[name]
                ? name === 'assetId'
                  ? rows[0]?.hostname
                  : (rows[0]?.advisoryReference ?? rows[0]?.botnetListReference)
                : query[name]
            }`,
          ),
        )}
      {query.parent && filterChip('parent', t('unitsUnder', { code: query.parent }))}
      {query.dueBefore && filterChip('dueBefore', t('dueBefore', { date: date(query.dueBefore) }))}
      {can('POST /api/v1/exposures/status') && selected.length > 0 && <BulkChange ids={selected} onDone={() => setSelected([])} />}
      <QueryView query={list}>
        {() =>
          rows.length === 0 ? (
            <Empty>{t('noExposures')}</Empty>
          ) : (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover aria-label={t('exposuresTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>
                        <Checkbox
                          aria-label={t('selectAll')}
                          checked={selected.length === rows.length}
                          onChange={(e) => setSelected(e.currentTarget.checked ? rows.map((r) => r.id!) : [])}
                        />
                      </Table.Th>
                      <Table.Th>{t('severity')}</Table.Th>
                      <Table.Th>{t('subjectCol')}</Table.Th>
                      <Table.Th>{t('asset')}</Table.Th>
                      <Table.Th>{t('organization')}</Table.Th>
                      <Table.Th>{t('status')}</Table.Th>
                      <Table.Th>{t('dueOn')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((e) => (
                      <Table.Tr
                        key={e.id}
                        data-testid={`exposure-${e.id}`}
                        style={{ cursor: 'pointer' }}
                        onClick={() => navigate(`/exposures/${e.id}?${params}`)}
                      >
                        <Table.Td onClick={(ev) => ev.stopPropagation()}>
                          <Checkbox
                            aria-label={`${t('select')} ${e.subject}`}
                            checked={selected.includes(e.id!)}
                            onChange={(ev) =>
                              setSelected(ev.currentTarget.checked ? [...selected, e.id!] : selected.filter((s) => s !== e.id))
                            }
                          />
                        </Table.Td>
                        <Table.Td>
                          <SeverityBadge severity={e.severity} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {e.advisoryReference ?? e.botnetListReference}
                          </Text>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {e.subject}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.hostname ?? e.network}</Text>
                        </Table.Td>
                        <Table.Td>{e.organizationCode}</Table.Td>
                        <Table.Td>
                          <StatusBadge prefix="ex" status={e.status} />
                        </Table.Td>
                        <Table.Td>
                          <DueBadge dueOn={e.dueOn} done={exposureDone(e.status)} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <MoreButton list={list} />
            </>
          )
        }
      </QueryView>
      <Drawer opened={!!id} onClose={() => navigate(`/exposures?${params}`)} position="right" size="lg" title={t('exposuresTitle')}>
        {id && <ExposureDetail id={id} />}
      </Drawer>
    </Stack>
  );
}

function BulkChange({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t, tv } = useI18n();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status | null>(null);
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/exposures/status', { body: { ids, status: status!, note: note || undefined } })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['exposures'] });
      client.invalidateQueries({ queryKey: ['exposure-summary'] });
      client.invalidateQueries({ queryKey: ['exposure-breakdown'] });
    },
  });
  return (
    <Alert color="blue" title={t('changeStatusOf', { n: ids.length })}>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('status')}
          data={STATUSES.map((s) => ({ value: s, label: tv('ex', s) }))}
          value={status}
          onChange={(v) => setStatus(v as Status)}
          w={190}
        />
        <TextInput label={t('note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button disabled={!status} loading={change.isPending} onClick={() => change.mutate()}>
          {t('changeStatus')}
        </Button>
        {change.isSuccess && (
          <Button variant="subtle" onClick={onDone}>
            {t('close')}
          </Button>
        )}
      </Group>
      {change.data && (
        <Text size="sm" mt="xs">
          {t('bulkResult', { changed: change.data.changed?.length ?? 0, refused: change.data.refused?.length ?? 0 })}
        </Text>
      )}
      <ProblemAlert error={change.error} />
    </Alert>
  );
}

function ExposureDetail({ id }: { id: string }) {
  const { t, tv, dateTime, date } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const exposure = useQuery({
    queryKey: ['exposure', id],
    queryFn: () => unwrap(api.GET('/api/v1/exposures/{id}', { params: { path: { id } } })),
  });
  const [status, setStatus] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: (e: Exposure) =>
      unwrap(
        api.POST('/api/v1/exposures/{id}/status', {
          params: { path: { id }, header: { 'If-Match': `"${e.version}"` } },
          body: { status: status as Status, note: note || undefined },
        }),
      ),
    onSuccess: () => {
      setStatus(null);
      setNote('');
      client.invalidateQueries({ queryKey: ['exposure', id] });
      client.invalidateQueries({ queryKey: ['exposures'] });
      client.invalidateQueries({ queryKey: ['exposure-summary'] });
      client.invalidateQueries({ queryKey: ['exposure-breakdown'] });
    },
  });
  return (
    <QueryView query={exposure}>
      {(e) => (
        <Stack>
          <Group>
            <SeverityBadge severity={e.severity} />
            <StatusBadge prefix="ex" status={e.status} />
            <DueBadge dueOn={e.dueOn} done={exposureDone(e.status)} />
          </Group>
          <Title order={3} size="h4">
            {e.advisoryReference ?? e.botnetListReference}
          </Title>
          <Text>{e.subject}</Text>
          <Text size="sm">
            <b>{t('asset')}:</b> {e.hostname ?? e.network} · {e.organizationCode}
          </Text>
          <Alert color="gray" title={t('matchedWhy')}>
            {e.matched}
          </Alert>
          {e.remediation && (
            <Text size="sm">
              <b>{t('remediation')}:</b> {e.remediation}
            </Text>
          )}
          <Text size="sm">
            <b>{t('dueOn')}:</b> {date(e.dueOn)}
          </Text>
          {can('POST /api/v1/exposures/{id}/status') && !!e.allowedNext?.length && (
            <Stack gap="xs">
              <Select
                label={t('changeStatus')}
                data={e.allowedNext.map((s) => ({ value: s, label: tv('ex', s) }))}
                value={status}
                onChange={setStatus}
              />
              <Textarea label={t('note')} value={note} onChange={(ev) => setNote(ev.currentTarget.value)} autosize minRows={2} />
              <ProblemAlert error={change.error} />
              {change.isSuccess && <Alert color="green">{t('statusChanged')}</Alert>}
              <Button disabled={!status} loading={change.isPending} onClick={() => change.mutate(e)}>
                {t('save')}
              </Button>
            </Stack>
          )}
          <Title order={4} size="h5">
            {t('history')}
          </Title>
          <Timeline bulletSize={12} lineWidth={2}>
            {(e.history ?? []).map((h, i) => (
              <Timeline.Item key={i} title={`${tv('ex', h.fromStatus) || '—'} → ${tv('ex', h.toStatus)}`}>
                <Text size="xs" c="dimmed">
                  {h.actor} · {dateTime(h.at)}
                </Text>
                {h.note && <Text size="sm">{h.note}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </QueryView>
  );
}
