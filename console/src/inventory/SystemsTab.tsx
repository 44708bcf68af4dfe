import { Badge, Drawer, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { MoreButton, usePaged } from '../ui/Paged';
import { Empty, QueryView } from '../ui/States';
import type { components } from '../api/schema';
import { useCan } from '../session';
import { ProblemAlert } from '../ui/Problems';

export function SystemsTab() {
  const { t } = useI18n();
  const [level, setLevel] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const systems = usePaged(['systems', level], (after) =>
    unwrap(api.GET('/api/v1/systems', { params: { query: { securityLevel: level ? Number(level) : undefined, after, limit: 100 } } })),
  );
  return (
    <Stack>
      <Select label={t('securityLevel')} data={['1', '2', '3', '4', '5']} value={level} onChange={setLevel} clearable w={140} />
      <QueryView query={systems}>
        {() =>
          !systems.rows.length ? (
            <Empty>{t('none')}</Empty>
          ) : (
            <>
              <Table.ScrollContainer minWidth={560}>
                <Table striped highlightOnHover aria-label={t('systems')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('systems')}</Table.Th>
                      <Table.Th>{t('securityLevel')}</Table.Th>
                      <Table.Th>{t('organization')}</Table.Th>
                      <Table.Th>{t('status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {systems.rows.map((s) => (
                      <Table.Tr key={s.id} onClick={() => setOpen(s.id!)} style={{ cursor: 'pointer' }}>
                        <Table.Td>
                          <Text
                            fw={600}
                            size="sm"
                            component="button"
                            onClick={() => setOpen(s.id!)}
                            style={{ all: 'unset', cursor: 'pointer' }}
                          >
                            {s.name}
                          </Text>
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {s.purpose}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="outline">{s.securityLevel}</Badge>
                        </Table.Td>
                        <Table.Td>{s.organizationCode}</Table.Td>
                        <Table.Td>{s.status}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <MoreButton list={systems} />
            </>
          )
        }
      </QueryView>
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="lg" title={t('measures')}>
        {open && <Checklist id={open} />}
      </Drawer>
    </Stack>
  );
}

type MeasureStatus = components['schemas']['MeasureStatus'];
const STATUSES: MeasureStatus[] = ['IMPLEMENTED', 'PARTIAL', 'MISSING', 'NOT_APPLICABLE'];

function Checklist({ id }: { id: string }) {
  const { t, tv, language } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const assess = useMutation({
    mutationFn: ({ code, status, evidence }: { code: string; status: MeasureStatus; evidence?: string }) =>
      unwrap(api.PUT('/api/v1/systems/{id}/measures/{code}', { params: { path: { id, code } }, body: { status, evidence } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['system', id] }),
  });
  const compliance = useQuery({
    queryKey: ['system', id, 'compliance'],
    queryFn: () => unwrap(api.GET('/api/v1/systems/{id}/compliance', { params: { path: { id } } })),
  });
  const measures = useQuery({
    queryKey: ['system', id, 'measures'],
    queryFn: () => unwrap(api.GET('/api/v1/systems/{id}/measures', { params: { path: { id } } })),
  });
  return (
    <Stack>
      <QueryView query={compliance}>
        {(c) => (
          <Stack gap={4}>
            <Group justify="space-between">
              <Title order={3} size="h5">
                {t('compliance')}
              </Title>
              <Text fw={700}>{Math.round(Number(c.score ?? 0))}%</Text>
            </Group>
            <Progress value={Number(c.score ?? 0)} aria-label={t('compliance')} />
          </Stack>
        )}
      </QueryView>
      <ProblemAlert error={assess.error} />
      <QueryView query={measures}>
        {(items) => (
          <Table aria-label={t('measures')}>
            <Table.Tbody>
              {items
                .filter((m) => m.required)
                .map((m) => (
                  <Table.Tr key={m.code}>
                    <Table.Td>
                      <Text size="sm">
                        <b>{m.code}</b> {language === 'vi' ? m.titleVi : m.titleEn}
                      </Text>
                      {m.evidence && (
                        <Text size="xs" c="dimmed">
                          {m.evidence}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w={190}>
                      {can('PUT /api/v1/systems/{id}/measures/{code}') ? (
                        <Select
                          aria-label={`${t('status')} ${m.code}`}
                          data={STATUSES.map((s) => ({ value: s, label: tv('measure', s) }))}
                          value={m.status ?? null}
                          onChange={(status) =>
                            status && assess.mutate({ code: m.code!, status: status as MeasureStatus, evidence: m.evidence })
                          }
                          allowDeselect={false}
                          size="xs"
                        />
                      ) : (
                        <Badge
                          color={
                            m.status === 'IMPLEMENTED'
                              ? 'green.9'
                              : m.status === 'PARTIAL'
                                ? '#b54708'
                                : m.status === 'NOT_APPLICABLE'
                                  ? 'gray'
                                  : 'red.9'
                          }
                        >
                          {tv('measure', m.status ?? 'MISSING')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}
