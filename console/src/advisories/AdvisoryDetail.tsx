import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { SeverityBadge } from '../ui/Badges';
import { QueryView } from '../ui/States';
import { useCan } from '../session';
import { useMayWithdraw, WithdrawButton, WithdrawnNote } from './Withdrawal';

/** An advisory with what it affects and which organisations of the caller's scope it hit. */
export function AdvisoryDetail({ id }: { id: string }) {
  const { t, date } = useI18n();
  const can = useCan();
  const mayWithdraw = useMayWithdraw();
  const advisory = useQuery({
    queryKey: ['advisory', id],
    queryFn: () => unwrap(api.GET('/api/v1/advisories/{id}', { params: { path: { id } } })),
  });
  const hits = useQuery({
    queryKey: ['exposures', 'advisory', id],
    queryFn: () => unwrap(api.GET('/api/v1/exposures', { params: { query: { advisoryId: id, limit: 200 } } })),
  });
  return (
    <QueryView query={advisory}>
      {(a) => (
        <Stack>
          <Group gap="xs">
            <SeverityBadge severity={a.severity} />
            {a.knownExploited && <Badge color="red.9">KEV</Badge>}
            {a.status && a.status !== 'ACTIVE' && <Badge color="gray">{a.status}</Badge>}
            {!a.withdrawal && can('POST /api/v1/advisories/{id}/withdrawal') && mayWithdraw(a.createdBy) && (
              <WithdrawButton kind="advisory" id={a.id!} reference={a.reference} />
            )}
          </Group>
          <WithdrawnNote withdrawal={a.withdrawal} />
          <Title order={3} size="h4">
            {a.reference}
          </Title>
          <Text>{a.title}</Text>
          <Text size="sm" c="dimmed">
            {a.issuer} · {date(a.issuedOn)} {a.dueOn && `· ${t('dueOn')}: ${date(a.dueOn)}`}
          </Text>
          {a.summary && <Text size="sm">{a.summary}</Text>}
          {!!a.cves?.length && <Text size="sm">CVE: {a.cves.join(', ')}</Text>}
          {a.remediation && (
            <Text size="sm">
              <b>{t('remediation')}:</b> {a.remediation}
            </Text>
          )}
          <Title order={4} size="h5">
            {t('affectedProducts')}
          </Title>
          <Table>
            <Table.Tbody>
              {(a.affected ?? []).map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {[p.vendor, p.product].filter(Boolean).join(' ')}{' '}
                    {p.cpe && (
                      <Text size="xs" c="dimmed">
                        {p.cpe}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {p.versions ??
                        [p.versionExact, p.startIncluding && `≥ ${p.startIncluding}`, p.endExcluding && `< ${p.endExcluding}`]
                          .filter(Boolean)
                          .join(' ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={4} size="h5">
            {t('matchedOrganizationsOf')}
          </Title>
          <QueryView query={hits}>
            {(page) => {
              const byOrganization = new Map<string, number>();
              for (const e of page.items ?? []) byOrganization.set(e.organizationCode!, (byOrganization.get(e.organizationCode!) ?? 0) + 1);
              if (!byOrganization.size) return <Text c="dimmed">{t('noneMatched')}</Text>;
              return (
                <Table aria-label={t('matchedOrganizationsOf')}>
                  <Table.Tbody>
                    {[...byOrganization.entries()].map(([organization, n]) => (
                      <Table.Tr key={organization}>
                        <Table.Td>
                          <Anchor component={Link} to={`/exposures?advisoryId=${id}&organization=${organization}`}>
                            {organization}
                          </Anchor>
                        </Table.Td>
                        <Table.Td ta="right">
                          {n}
                          {page.next ? '+' : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                  {page.next && (
                    <Table.Caption>
                      <Anchor component={Link} to={`/exposures?advisoryId=${id}`}>
                        {t('moreExposuresOfAdvisory')}
                      </Anchor>
                    </Table.Caption>
                  )}
                </Table>
              );
            }}
          </QueryView>
        </Stack>
      )}
    </QueryView>
  );
}
