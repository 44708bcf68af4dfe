import { Alert, Anchor, Badge, Button, Card, Drawer, FileButton, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { AdvisoryDetail } from './AdvisoryDetail';
import { PublishAdvisory } from './PublishAdvisory';
import { useMayWithdraw, WithdrawButton, WithdrawnBadge } from './Withdrawal';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, problemFrom, send, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { DueBadge, SeverityBadge } from '../ui/Badges';
import { ProblemAlert } from '../ui/Problems';
import { MoreButton, usePaged } from '../ui/Paged';
import { Empty, QueryView } from '../ui/States';

export default function AdvisoriesPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={2}>{t('navAdvisories')}</Title>
      <Tabs defaultValue="advisories" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="advisories">{t('advisoriesTitle')}</Tabs.Tab>
          <Tabs.Tab value="botnet">{t('botnetLists')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="advisories" pt="md">
          <Advisories />
        </Tabs.Panel>
        <Tabs.Panel value="botnet" pt="md">
          <BotnetLists />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Advisories() {
  const { t, date } = useI18n();
  const can = useCan();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const advisories = usePaged(['advisories', q], (after) =>
    unwrap(api.GET('/api/v1/advisories', { params: { query: { q: q || undefined, after, limit: 50 } } })),
  );
  return (
    <Stack>
      {can('POST /api/v1/advisories') && <PublishAdvisory />}
      <TextInput
        label={t('search')}
        description={t('advisorySearch')}
        onKeyDown={(e) => e.key === 'Enter' && setQ(e.currentTarget.value)}
        maw={360}
      />
      <QueryView query={advisories}>
        {() =>
          !advisories.rows.length ? (
            <Empty>{t('noAdvisories')}</Empty>
          ) : (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped aria-label={t('advisoriesTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reference')}</Table.Th>
                      <Table.Th>{t('title')}</Table.Th>
                      <Table.Th>{t('severity')}</Table.Th>
                      <Table.Th>{t('issuedOn')}</Table.Th>
                      <Table.Th>{t('matchedOrganizations')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {advisories.rows.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component="button" fw={600} size="sm" onClick={() => setOpen(a.id!)}>
                            {a.reference}
                          </Anchor>{' '}
                          {a.knownExploited && (
                            <Badge color="red.9" size="xs">
                              KEV
                            </Badge>
                          )}{' '}
                          <WithdrawnBadge withdrawal={a.withdrawal} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2}>
                            {a.title}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {(a.cves ?? []).slice(0, 4).join(', ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <SeverityBadge severity={a.severity} />
                        </Table.Td>
                        <Table.Td>{date(a.issuedOn)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/exposures?advisoryId=${a.id}`}>
                            {t('navExposures')} →
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <MoreButton list={advisories} />
            </>
          )
        }
      </QueryView>
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="lg" title={t('advisoriesTitle')}>
        {open && <AdvisoryDetail id={open} />}
      </Drawer>
    </Stack>
  );
}

type BotnetList = components['schemas']['BotnetListDetails'];

function BotnetLists() {
  const { t, date, number } = useI18n();
  const can = useCan();
  const mayWithdraw = useMayWithdraw();
  const lists = usePaged(['botnet-lists'], (after) => unwrap(api.GET('/api/v1/botnet-lists', { params: { query: { after, limit: 50 } } })));
  return (
    <Stack>
      {can('POST /api/v1/botnet-lists') && <PublishBotnetList />}
      <QueryView query={lists}>
        {() =>
          !lists.rows.length ? (
            <Empty>{t('none')}</Empty>
          ) : (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped aria-label={t('botnetLists')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reference')}</Table.Th>
                      <Table.Th>{t('issuedOn')}</Table.Th>
                      <Table.Th>{t('entries')}</Table.Th>
                      <Table.Th>{t('dueOn')}</Table.Th>
                      <Table.Th>{t('matchedOrganizations')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lists.rows.map((l) => (
                      <Table.Tr key={l.id}>
                        <Table.Td>
                          <Group gap="xs">
                            <Text fw={600} size="sm">
                              {l.reference}
                            </Text>
                            <WithdrawnBadge withdrawal={l.withdrawal} />
                            {!l.withdrawal && can('POST /api/v1/botnet-lists/{id}/withdrawal') && mayWithdraw(l.createdBy) && (
                              <WithdrawButton kind="botnet-list" id={l.id!} reference={l.reference} />
                            )}
                          </Group>
                          {l.previousId && can('GET /api/v1/botnet-lists/{id}/diff') && <ListDiff list={l} />}
                        </Table.Td>
                        <Table.Td>{date(l.issuedOn)}</Table.Td>
                        <Table.Td>{number(l.entryCount)}</Table.Td>
                        <Table.Td>
                          <DueBadge dueOn={l.dueOn} />
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/exposures?botnetListId=${l.id}`}>
                            {t('navExposures')} →
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <MoreButton list={lists} />
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}

function ListDiff({ list }: { list: BotnetList }) {
  const { t, number } = useI18n();
  const diff = useQuery({
    queryKey: ['botnet-list', list.id, 'diff'],
    queryFn: () => unwrap(api.GET('/api/v1/botnet-lists/{id}/diff', { params: { path: { id: list.id! } } })),
  });
  if (!diff.data) return null;
  return (
    <Text size="xs" c="dimmed">
      {t('diffAgainstPrevious', {
        reference: diff.data.previousReference,
        added: number(diff.data.added),
        removed: number(diff.data.removed),
        kept: number(diff.data.kept),
      })}
    </Text>
  );
}

function PublishBotnetList() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [reference, setReference] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<BotnetList | null>(null);
  const [busy, setBusy] = useState(false);
  const publish = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const type = file.name.endsWith('.csv') ? 'text/csv' : file.name.endsWith('.json') ? 'application/stix+json' : 'text/plain';
    const response = await send('POST', `/api/v1/botnet-lists?reference=${encodeURIComponent(reference)}`, file, type);
    setBusy(false);
    if (response.ok) {
      setDone((await response.json()) as BotnetList);
      client.invalidateQueries({ queryKey: ['botnet-lists'] });
    } else setError(await problemFrom(response));
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('publishBotnetList')}
      </Title>
      <Group align="flex-end" mt="sm">
        <TextInput label={t('reference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} w={260} />
        <FileButton onChange={publish} accept=".txt,.csv,.json">
          {(props) => (
            <Button {...props} loading={busy} disabled={!reference}>
              {t('chooseFile')}
            </Button>
          )}
        </FileButton>
      </Group>
      <ProblemAlert error={error} />
      {done && (
        <Alert
          color="green"
          mt="sm"
        >{`${done.reference}: ${done.entryCount} · ${t('matchedOrganizations')}: ${done.matching?.detected ?? 0}`}</Alert>
      )}
    </Card>
  );
}
