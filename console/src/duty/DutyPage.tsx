import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { todayInVietnam, useI18n } from '../i18n/i18n';
import { useCan, useSession } from '../session';
import { ProblemAlert, fieldError } from '../ui/Problems';
import { Empty, QueryView } from '../ui/States';
import { useFields } from '../ui/useFields';

type Shift = components['schemas']['ShiftView'];
type Gap = components['schemas']['Gap'];

function addDays(localDate: string, days: number): string {
  const d = new Date(localDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week holding this day (rosters are read week by week). */
function mondayOf(localDate: string): string {
  const day = new Date(localDate + 'T00:00:00Z').getUTCDay();
  return addDays(localDate, -((day + 6) % 7));
}

export default function DutyPage() {
  const { t, date } = useI18n();
  const session = useSession();
  const can = useCan();
  const [organization, setOrganization] = useState(session.organization);
  const [span, setSpan] = useState<'week' | 'month'>('week');
  const [start, setStart] = useState(mondayOf(todayInVietnam()));
  // A reminder's link names the alert window (/duty?window=Tết…).
  const [params] = useSearchParams();
  const [window, setWindow] = useState<string | null>(params.get('window'));
  const [subtree, setSubtree] = useState(false);
  const days = span === 'week' ? 7 : 28;
  const from = `${start}T00:00:00`;
  const to = `${addDays(start, days)}T00:00:00`;
  const windows = useQuery({ queryKey: ['alert-windows'], queryFn: () => unwrap(api.GET('/api/v1/duty/alert-windows')) });
  const shifts = useQuery({
    queryKey: ['shifts', organization, from, to],
    queryFn: () => unwrap(api.GET('/api/v1/duty/shifts', { params: { query: { organization, from, to } } })),
  });
  const coverage = useQuery({
    queryKey: ['coverage', organization, window ?? from, to, subtree],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/duty/coverage', {
          params: { query: { organization, subtree: subtree || undefined, ...(window ? { window } : { from, to }) } },
        }),
      ),
  });
  return (
    <Stack>
      <Title order={2}>{t('dutyTitle')}</Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          key={organization}
          label={t('organization')}
          defaultValue={organization}
          onKeyDown={(e) => e.key === 'Enter' && setOrganization(e.currentTarget.value)}
          w={180}
        />
        <SegmentedControl
          value={span}
          onChange={(v) => setSpan(v as 'week' | 'month')}
          data={[
            { value: 'week', label: t('week') },
            { value: 'month', label: t('month') },
          ]}
        />
        <Group gap={4}>
          <Button variant="default" onClick={() => setStart(addDays(start, -days))}>
            ← {t('previous')}
          </Button>
          <Text size="sm" px="xs">
            {date(start)} – {date(addDays(start, days - 1))}
          </Text>
          <Button variant="default" onClick={() => setStart(addDays(start, days))}>
            {t('next')} →
          </Button>
        </Group>
        <Select
          label={t('alertWindow')}
          data={(windows.data ?? []).map((w) => ({ value: w.name!, label: `${w.name} (${date(w.startsOn)} – ${date(w.endsOn)})` }))}
          value={window}
          onChange={setWindow}
          clearable
          w={300}
        />
        <Switch label={t('wholeScope')} checked={subtree} onChange={(e) => setSubtree(e.currentTarget.checked)} mb={8} />
      </Group>
      <QueryView query={coverage}>
        {(reports) =>
          subtree ? (
            <ScopeCoverage reports={reports} onPick={(code) => (setOrganization(code), setSubtree(false))} />
          ) : (
            <Coverage gaps={reports[0]?.gaps ?? []} percent={reports[0]?.coveredPercent} />
          )
        }
      </QueryView>
      <QueryView query={shifts}>{(list) => <Roster shifts={list} start={start} days={days} />}</QueryView>
      {can('POST /api/v1/duty/shifts') && <AddShift organization={organization} />}
    </Stack>
  );
}

function Coverage({ gaps, percent }: { gaps: Gap[]; percent?: number }) {
  const { t, localDateTime } = useI18n();
  return (
    <Card withBorder data-testid="coverage">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('gaps')}
        </Title>
        <Text fw={700}>{t('coverage', { percent: Math.round(percent ?? 0) })}</Text>
      </Group>
      <Progress
        value={percent ?? 0}
        color={gaps.length ? 'orange.9' : 'green.9'}
        mt="xs"
        aria-label={t('coverage', { percent: Math.round(percent ?? 0) })}
      />
      {gaps.length === 0 ? (
        <Alert color="green" mt="sm">
          {t('noGaps')}
        </Alert>
      ) : (
        <Stack gap={4} mt="sm">
          {gaps.slice(0, 20).map((g) => (
            <Text key={g.from} size="sm" className="roster-gap" px="xs" data-testid="gap">
              {t('gap', { from: localDateTime(g.from), to: localDateTime(g.to) })}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** A coordinator's view: every organisation of the subtree with its coverage, the least covered first. */
function ScopeCoverage({ reports, onPick }: { reports: components['schemas']['CoverageReport'][]; onPick: (code: string) => void }) {
  const { t } = useI18n();
  const sorted = [...reports].sort((a, b) => (a.coveredPercent ?? 0) - (b.coveredPercent ?? 0));
  return (
    <Card withBorder>
      <Table aria-label={t('gaps')}>
        <Table.Tbody>
          {sorted.map((r) => (
            <Table.Tr key={r.organization}>
              <Table.Td>
                <Anchor component="button" onClick={() => onPick(r.organization!)}>
                  {r.nameVi ?? r.organization}
                </Anchor>
              </Table.Td>
              <Table.Td w="40%">
                <Progress
                  value={r.coveredPercent ?? 0}
                  color={(r.gaps ?? []).length ? 'orange.9' : 'green.9'}
                  aria-label={t('coverage', { percent: Math.round(r.coveredPercent ?? 0) })}
                />
              </Table.Td>
              <Table.Td ta="right">{t('coverage', { percent: Math.round(r.coveredPercent ?? 0) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Roster({ shifts, start, days }: { shifts: Shift[]; start: string; days: number }) {
  const { t, date } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/duty/shifts/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['shifts'] });
      client.invalidateQueries({ queryKey: ['coverage'] });
    },
  });
  if (!shifts.length) return <Empty>{t('nobodyOnDuty')}</Empty>;
  const dayList = Array.from({ length: days }, (_, i) => addDays(start, i));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      {dayList.map((day) => {
        const today = shifts.filter((s) => s.from!.slice(0, 10) <= day && s.to!.slice(0, 10) >= day && s.to !== `${day}T00:00:00`);
        return (
          <Card withBorder key={day} padding="xs">
            <Text fw={700} size="sm">
              {date(day)}
            </Text>
            {today.length === 0 ? (
              <Text size="xs" className="roster-gap" px={4}>
                —
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {today.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Text size="xs">
                          {s.from!.slice(11, 16)}–{s.to!.slice(11, 16)} <b>{s.person}</b>
                        </Text>
                        <Anchor size="xs" href={`tel:${s.phone}`}>
                          {s.phone}
                        </Anchor>
                        {s.role && (
                          <Badge size="xs" variant="light" ml={4}>
                            {s.role}
                          </Badge>
                        )}
                      </Table.Td>
                      {can('DELETE /api/v1/duty/shifts/{id}') && (
                        <Table.Td w={60}>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red.9"
                            onClick={() => remove.mutate(s.id!)}
                            aria-label={`${t('remove')} ${s.person} ${date(day)}`}
                          >
                            {t('remove')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function AddShift({ organization }: { organization: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const today = todayInVietnam();
  const { fields: form, bind: set } = useFields({
    person: '',
    role: '',
    phone: '',
    email: '',
    from: `${today}T07:30`,
    to: `${today}T19:30`,
  });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/duty/shifts', {
          body: {
            organization,
            person: form.person,
            role: form.role || undefined,
            phone: form.phone,
            email: form.email || undefined,
            from: `${form.from}:00`,
            to: `${form.to}:00`,
            timeZone: 'Asia/Ho_Chi_Minh',
          },
        }),
      ),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['shifts'] });
      client.invalidateQueries({ queryKey: ['coverage'] });
      client.invalidateQueries({ queryKey: ['duty-now'] });
    },
  });
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), add.mutate())}>
      <Title order={3} size="h4">
        {t('addShift')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
        <TextInput label={t('person')} required value={form.person} onChange={set('person')} error={fieldError(add.error, 'person')} />
        <TextInput label={t('phone')} required value={form.phone} onChange={set('phone')} error={fieldError(add.error, 'phone')} />
        <TextInput label={t('email')} value={form.email} onChange={set('email')} error={fieldError(add.error, 'email')} />
        <TextInput label={t('role')} value={form.role} onChange={set('role')} />
        <TextInput
          label={t('from')}
          type="datetime-local"
          required
          value={form.from}
          onChange={set('from')}
          error={fieldError(add.error, 'from')}
        />
        <TextInput
          label={t('to')}
          type="datetime-local"
          required
          value={form.to}
          onChange={set('to')}
          error={fieldError(add.error, 'to')}
        />
      </SimpleGrid>
      <ProblemAlert error={add.error} />
      {add.isSuccess && (
        <Alert color="green" mt="sm">
          {t('shiftAdded')}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button type="submit" loading={add.isPending}>
          {t('addShift')}
        </Button>
      </Group>
    </Card>
  );
}
