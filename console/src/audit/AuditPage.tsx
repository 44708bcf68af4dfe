import { Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Empty, QueryView } from '../ui/States';

export default function AuditPage() {
  const { t, dateTime } = useI18n();
  const [filters, setFilters] = useState<{ actor?: string; entityType?: string; entityId?: string }>({});
  const audit = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/audit', { params: { query: { ...filters, after: pageParam, limit: 50 } } })),
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const rows = audit.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const field = (name: keyof typeof filters, label: string) => (
    <TextInput label={label} onKeyDown={(e) => e.key === 'Enter' && setFilters({ ...filters, [name]: e.currentTarget.value || undefined })} w={200} />
  );
  return (
    <Stack>
      <Title order={2}>{t('auditTitle')}</Title>
      <Group>
        {field('actor', t('actor'))}
        {field('entityType', t('object'))}
        {field('entityId', 'ID')}
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
                        <Table.Td>{r.action}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {r.entityType} <Code>{r.entityId}</Code>
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {audit.hasNextPage && (
                <Button variant="light" onClick={() => audit.fetchNextPage()}>
                  {t('more')}
                </Button>
              )}
            </>
          )
        }
      </QueryView>
    </Stack>
  );
}
