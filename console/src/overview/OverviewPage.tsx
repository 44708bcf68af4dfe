import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { fold, todayInVietnam, useI18n } from '../i18n/i18n';
import { Bars, Columns, Track } from '../ui/Charts';
import { useSession } from '../session';
import { STILL_TO_FIX } from '../ui/Enums';
import { DueBadge, SeverityBadge, StatusBadge } from '../ui/Badges';
import { Empty, QueryView } from '../ui/States';
import { AsOf, freshnessOf } from '../ui/AsOf';
import { SetAsideNotice } from './SetAsideNotice';

type Summary = components['schemas']['ExposureSummary'];

/**
 * The first screen, also on a phone: who is on duty now, what is overdue, which directives wait for an answer and
 * which incidents are open. Counts come from the services' aggregates; lists are short pages.
 */
export function OverviewPage() {
  const { t } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const organization = params.get('organization') ?? undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('overviewTitle')}</Title>
        {organization && organization !== session.organization && (
          <Anchor component="button" onClick={() => setParams({})}>
            ← {session.organization}
          </Anchor>
        )}
      </Group>
      <SetAsideNotice />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <OnDutyCard organization={organization ?? session.organization} />
        <OverdueItems organization={organization} />
        <DirectivesAwaiting />
      </SimpleGrid>
      {/* Fixed-size charts first and the long table last, so that nothing jumps while the figures arrive. */}
      <Breakdown organization={organization} />
      <OpenIncidents organization={organization} />
      <ExposureSummaryCard key={organization ?? ''} organization={organization} onDrill={(code) => setParams({ organization: code })} />
    </Stack>
  );
}

function OnDutyCard({ organization }: { organization: string }) {
  const { t, localDateTime } = useI18n();
  const now = useQuery({
    queryKey: ['duty-now', organization],
    queryFn: () => unwrap(api.GET('/api/v1/duty/now', { params: { query: { organization } } })),
  });
  return (
    <Card withBorder aria-labelledby="on-duty" mih={CARD_HEIGHT}>
      <Title order={3} size="h4" id="on-duty">
        {t('onDutyNow')}
      </Title>
      <QueryView query={now}>
        {(duty) =>
          duty.shifts?.length ? (
            <Stack gap={4} mt="xs">
              {duty.fallback && (
                <Text size="xs" c="dimmed">
                  {t('fallbackDuty')} {duty.onDutyFor}
                </Text>
              )}
              {duty.shifts.map((s) => (
                <Group key={s.id} justify="space-between" wrap="nowrap">
                  <div>
                    <Text fw={600}>{s.person}</Text>
                    <Text size="sm" c="dimmed">
                      {s.role} · {localDateTime(s.from)} → {localDateTime(s.to)}
                    </Text>
                  </div>
                  <Anchor href={`tel:${s.phone}`} fw={600}>
                    {s.phone}
                  </Anchor>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" mt="xs">
              {t('nobodyOnDuty')}
            </Text>
          )
        }
      </QueryView>
    </Card>
  );
}

/** The duty officer's "what is late": the exposures past their deadline, soonest due first. */
function OverdueItems({ organization }: { organization?: string }) {
  const { t } = useI18n();
  const overdue = useQuery({
    queryKey: ['exposures', 'overdue', organization],
    queryFn: () => unwrap(api.GET('/api/v1/exposures', { params: { query: { organization, overdue: true, limit: 6 } } })),
  });
  return (
    <Card withBorder mih={CARD_HEIGHT}>
      <Title order={3} size="h4">
        {t('myOverdue')}
      </Title>
      <QueryView query={overdue}>
        {(page) =>
          page.items?.length ? (
            <Stack gap={6} mt="xs">
              {page.items.map((e) => (
                <Group key={e.id} justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/exposures/${e.id}`} lineClamp={1} size="sm">
                    {e.hostname ?? e.network} — {e.advisoryReference ?? e.botnetListReference}
                  </Anchor>
                  <DueBadge dueOn={e.dueOn} />
                </Group>
              ))}
              {page.next && (
                <Anchor component={Link} to={`/exposures?overdue=true${organization ? `&organization=${organization}` : ''}`} size="sm">
                  {t('seeAll')} →
                </Anchor>
              )}
            </Stack>
          ) : (
            <Text c="dimmed" mt="xs">
              {t('nothingOverdue')}
            </Text>
          )
        }
      </QueryView>
    </Card>
  );
}

function DirectivesAwaiting() {
  const { t } = useI18n();
  const directives = useQuery({
    queryKey: ['directives', 'AWAITING'],
    queryFn: () => unwrap(api.GET('/api/v1/directives', { params: { query: { box: 'AWAITING', limit: 6 } } })),
  });
  return (
    <Card withBorder mih={CARD_HEIGHT}>
      <Title order={3} size="h4">
        {t('directivesAwaiting')}
      </Title>
      <QueryView query={directives}>
        {(page) => {
          // Addressed to the caller's organisation and not acknowledged yet, or not reported while a report is due.
          const waiting = page.items ?? [];
          return waiting.length ? (
            <Stack gap={6} mt="xs">
              {waiting.slice(0, 6).map((d) => (
                <Group key={d.id} justify="space-between" wrap="wrap" gap={4}>
                  <Anchor component={Link} to={`/directives/${d.id}`} lineClamp={1} style={{ flex: 1, minWidth: 180 }}>
                    {d.reference} — {d.subject}
                  </Anchor>
                  <DueBadge dueOn={d.reportDueOn} />
                </Group>
              ))}
              {page.next && (
                <Anchor component={Link} to="/directives?box=awaiting" size="sm">
                  {t('allDirectivesAwaiting')}
                </Anchor>
              )}
            </Stack>
          ) : (
            <Text c="dimmed" mt="xs">
              {t('noDirectivesAwaiting')}
            </Text>
          );
        }}
      </QueryView>
    </Card>
  );
}

function openOf(s: Summary) {
  return (s.toConfirm ?? 0) + (s.open ?? 0) + (s.acknowledged ?? 0) + (s.inProgress ?? 0);
}

/** A province has hundreds of units: the worst first, a page at a time, and a search that folds diacritics. */
const CHILDREN_PAGE = 15;

function sumOf(rows: Summary[]): Summary {
  const total: Summary = { organizationCode: '', nameVi: '' };
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'number') (total as Record<string, number>)[key] = ((total as Record<string, number>)[key] ?? 0) + value;
    }
  }
  return total;
}

function ExposureSummaryCard({ organization, onDrill }: { organization?: string; onDrill: (code: string) => void }) {
  const { t, number } = useI18n();
  const session = useSession();
  const [shown, setShown] = useState(CHILDREN_PAGE);
  const [filter, setFilter] = useState('');
  const summary = useQuery({
    queryKey: ['exposure-summary', organization],
    queryFn: async () => {
      const answer = await api.GET('/api/v1/exposures/summary', { params: { query: { organization } } });
      const rows: Summary[] = await unwrap(Promise.resolve(answer));
      return { rows, freshness: freshnessOf(answer.response) };
    },
  });
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('exposuresByOrganization')}
        </Title>
        <AsOf freshness={summary.data?.freshness} />
      </Group>
      <QueryView query={summary}>
        {({ rows }) => {
          if (!rows.length) return <Empty>{t('noExposures')}</Empty>;
          const max = Math.max(1, ...rows.map((r) => openOf(r) + (r.mitigated ?? 0)));
          // A national caller without an organisation named gets the top-level organisations: the headline is their
          // sum and every one of them is a row below it.
          const national = rows[0].organizationCode !== (organization ?? session.organization);
          const [own, ...all] = national ? [sumOf(rows), ...rows] : rows;
          const needle = fold(filter);
          const children = all
            .filter((r) => !needle || fold(`${r.nameVi} ${r.organizationCode}`).includes(needle))
            .sort((a, b) => (b.overdue ?? 0) - (a.overdue ?? 0) || openOf(b) - openOf(a) || (a.nameVi ?? '').localeCompare(b.nameVi ?? ''));
          return (
            <Stack gap="sm" mt="sm">
              <SimpleGrid cols={{ base: 3 }}>
                <Figure
                  label={t('openExposures')}
                  value={number(openOf(own))}
                  href={`/exposures?organization=${own.organizationCode}&status=${STILL_TO_FIX}`}
                />
                <Figure
                  label={t('overdueExposures')}
                  value={number(own.overdue)}
                  color="red.9"
                  href={`/exposures?organization=${own.organizationCode}&overdue=true`}
                />
                <Figure label={t('mitigated')} value={number(own.mitigated)} color="green.9" />
              </SimpleGrid>
              {all.length > 0 && (
                <>
                  {all.length > CHILDREN_PAGE && (
                    <TextInput
                      label={t('findOrganization')}
                      description={t('searchHint')}
                      value={filter}
                      onChange={(e) => setFilter(e.currentTarget.value)}
                      maw={360}
                    />
                  )}
                  <Table.ScrollContainer minWidth={420}>
                    <Table verticalSpacing={6} aria-label={t('exposuresByOrganization')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('organization')}</Table.Th>
                          <Table.Th ta="right">{t('openExposures')}</Table.Th>
                          <Table.Th ta="right">{t('overdueExposures')}</Table.Th>
                          <Table.Th w="35%">
                            <VisuallyHidden>
                              {t('overdueExposures')} / {t('openExposures')} / {t('mitigated')}
                            </VisuallyHidden>
                          </Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {children.slice(0, shown).map((row) => (
                          <Table.Tr key={row.organizationCode} data-testid={`summary-${row.organizationCode}`}>
                            <Table.Td>
                              <Anchor
                                component="button"
                                onClick={() => onDrill(row.organizationCode!)}
                                aria-label={t('drillDown', { name: row.nameVi })}
                              >
                                {row.nameVi}
                              </Anchor>
                            </Table.Td>
                            <Table.Td ta="right" data-testid="open">
                              {number(openOf(row))}
                            </Table.Td>
                            <Table.Td ta="right" data-testid="overdue">
                              {number(row.overdue)}
                            </Table.Td>
                            <Table.Td>
                              <Track
                                total={max}
                                parts={[
                                  [row.overdue ?? 0, 'var(--mantine-color-red-9)'],
                                  [openOf(row) - (row.overdue ?? 0), 'var(--mantine-color-orange-6)'],
                                  [row.mitigated ?? 0, 'var(--mantine-color-green-7)'],
                                ]}
                              />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  {children.length > shown && (
                    <Button variant="subtle" onClick={() => setShown(shown + 50)}>
                      {t('moreOf', { shown, total: number(children.length) })}
                    </Button>
                  )}
                </>
              )}
            </Stack>
          );
        }}
      </QueryView>
    </Card>
  );
}

function Figure({ label, value, color, href }: { label: string; value: string; color?: string; href?: string }) {
  const content = (
    <Stack gap={0} align="center">
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Stack>
  );
  return href ? (
    <Anchor component={Link} to={href} underline="never" c="inherit">
      {content}
    </Anchor>
  ) : (
    content
  );
}

const SEVERITY_COLOURS: Record<string, string> = {
  CRITICAL: 'var(--mantine-color-red-9)',
  HIGH: 'var(--mantine-color-orange-7)',
  MEDIUM: 'var(--mantine-color-yellow-6)',
  LOW: 'var(--mantine-color-gray-6)',
};

/** The height cards keep while their figures load: what arrives then does not push the page down. */
const CARD_HEIGHT = 290;

/** Where people would rather look than read: by severity, by advisory or list, and detections over 30 days. */
function Breakdown({ organization }: { organization?: string }) {
  const { t, tv, date, number } = useI18n();
  const breakdown = useQuery({
    queryKey: ['exposure-breakdown', organization],
    queryFn: () => unwrap(api.GET('/api/v1/exposures/breakdown', { params: { query: { organization } } })),
  });
  const scope = organization ? `&organization=${organization}` : '';
  const figure = (open: number, overdue: number) =>
    overdue ? `${number(open)} (${t('overdueCount', { n: number(overdue) })})` : number(open);
  if (breakdown.isPending) return <Card withBorder mih={CARD_HEIGHT} aria-busy="true" />;
  return (
    <QueryView query={breakdown}>
      {(b) => {
        const days = lastThirtyDays(b.detectedByDay ?? []);
        const total = days.reduce((sum, d) => sum + d.value, 0);
        return (
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Card withBorder mih={CARD_HEIGHT}>
              <Title order={3} size="h4" mb="sm">
                {t('exposuresBySeverity')}
              </Title>
              <Bars
                rows={(b.bySeverity ?? []).map((s) => ({
                  label: tv('sev', s.severity),
                  href: `/exposures?severity=${s.severity}&status=${STILL_TO_FIX}${scope}`,
                  figure: figure(s.open ?? 0, s.overdue ?? 0),
                  parts: [
                    [s.overdue ?? 0, 'var(--mantine-color-red-9)', t('overdueExposures')],
                    [(s.open ?? 0) - (s.overdue ?? 0), SEVERITY_COLOURS[s.severity ?? 'LOW'], t('openExposures')],
                  ],
                }))}
              />
            </Card>
            <Card withBorder mih={CARD_HEIGHT}>
              <Title order={3} size="h4" mb="sm">
                {t('exposuresBySource')}
              </Title>
              {b.bySource?.length ? (
                <Bars
                  rows={b.bySource.map((s) => ({
                    label: s.reference ?? '',
                    href: `/exposures?${s.sourceKind === 'BOTNET' ? 'botnetListId' : 'advisoryId'}=${s.sourceId}&status=${STILL_TO_FIX}${scope}`,
                    figure: figure(s.open ?? 0, s.overdue ?? 0),
                    parts: [
                      [s.overdue ?? 0, 'var(--mantine-color-red-9)', t('overdueExposures')],
                      [(s.open ?? 0) - (s.overdue ?? 0), 'var(--mantine-color-orange-7)', t('openExposures')],
                    ],
                  }))}
                />
              ) : (
                <Text c="dimmed">{t('none')}</Text>
              )}
            </Card>
            <Card withBorder mih={CARD_HEIGHT}>
              <Title order={3} size="h4">
                {t('exposuresOverTime')}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('detectedInThirtyDays', { n: total })}
              </Text>
              <Columns
                days={days}
                label={
                  t('detectedInThirtyDays', { n: total }) +
                  (days.length ? ` (${date(days[0].day)} – ${date(days[days.length - 1].day)})` : '')
                }
              />
            </Card>
          </SimpleGrid>
        );
      }}
    </QueryView>
  );
}

/** The 30 days up to today in Vietnam, with the days that had no detection as zeros. */
function lastThirtyDays(found: { day?: string; detected?: number }[]) {
  const counts = new Map(found.map((d) => [d.day, d.detected ?? 0]));
  const today = Date.parse(todayInVietnam() + 'T00:00:00Z');
  return Array.from({ length: 30 }, (_, i) => {
    const day = new Date(today - (29 - i) * 86_400_000).toISOString().slice(0, 10);
    return { day, value: counts.get(day) ?? 0 };
  });
}

function OpenIncidents({ organization }: { organization?: string }) {
  const { t, tv, dateTime } = useI18n();
  const summary = useQuery({
    queryKey: ['incident-summary', organization],
    queryFn: () => unwrap(api.GET('/api/v1/incidents/summary', { params: { query: { organization } } })),
  });
  const incidents = useQuery({
    queryKey: ['incidents', 'open', organization],
    queryFn: () => unwrap(api.GET('/api/v1/incidents', { params: { query: { organization, open: true, limit: 10 } } })),
  });
  return (
    <Card withBorder mih={CARD_HEIGHT}>
      <Title order={3} size="h4">
        {t('openIncidents')}
      </Title>
      {summary.data && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} my="sm">
          {(summary.data.bySeverity ?? []).map((s) => (
            <Stack key={s.severity} gap={0} align="center" data-testid={`incidents-${s.severity}`}>
              <Text size="xl" fw={700}>
                {s.open}
              </Text>
              <Text size="sm">{tv('sev', s.severity)}</Text>
              {!!s.overdue && (
                <Badge color="red.9" size="sm">
                  {t('slaBreached')}: {s.overdue}
                </Badge>
              )}
            </Stack>
          ))}
        </SimpleGrid>
      )}
      <QueryView query={incidents}>
        {(page) => {
          const open = page.items ?? [];
          return open.length ? (
            <Stack gap={6} mt="xs">
              {open.map((i) => (
                <Group key={i.id} justify="space-between" wrap="nowrap">
                  <Group gap="xs" wrap="nowrap">
                    <SeverityBadge severity={i.severity} />
                    <Anchor component={Link} to={`/incidents/${i.id}`} lineClamp={1}>
                      {i.reference} — {i.title}
                    </Anchor>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <StatusBadge prefix="in" status={i.status} />
                    {(i.firstResponseOverdue || i.resolutionOverdue) && (
                      <Badge color="red.9" title={dateTime(i.resolutionDue)}>
                        {t('slaBreached')}
                      </Badge>
                    )}
                  </Group>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" mt="xs">
              {t('noOpenIncidents')}
            </Text>
          );
        }}
      </QueryView>
    </Card>
  );
}
