import { Alert, Anchor, Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, problemFrom, send, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { DueBadge, SeverityBadge, StatusBadge } from '../ui/Badges';
import { exposureDone } from '../ui/Enums';
import { ProblemAlert } from '../ui/Problems';
import { MoreButton, usePaged } from '../ui/Paged';
import { QueryView } from '../ui/States';

/** An asset with its products and what they expose; its products can be replaced by a CycloneDX SBOM. */
export function AssetDetail({ id }: { id: string }) {
  const { t, tv, dateTime } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const asset = useQuery({ queryKey: ['asset', id], queryFn: () => unwrap(api.GET('/api/v1/assets/{id}', { params: { path: { id } } })) });
  const exposures = usePaged(['exposures', 'asset', id], (after) =>
    unwrap(api.GET('/api/v1/exposures', { params: { query: { assetId: id, after, limit: 50 } } })),
  );
  const [failed, setFailed] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uploadSbom = async (file: File | null, version?: number) => {
    if (!file || version === undefined || busy) return;
    setFailed(null);
    setWarnings(null);
    setBusy(true);
    const type = file.name.endsWith('.xml') ? 'application/vnd.cyclonedx+xml' : 'application/vnd.cyclonedx+json';
    try {
      const response = await send('PUT', `/api/v1/assets/${id}/sbom`, file, type, { 'If-Match': `"${version}"` });
      if (!response.ok) return setFailed(await problemFrom(response));
      setWarnings(response.headers.get('Canhgac-Sbom-Warnings') ?? '0');
      client.invalidateQueries({ queryKey: ['asset', id] });
      client.invalidateQueries({ queryKey: ['assets'] });
      client.invalidateQueries({ queryKey: ['exposures'] });
    } catch {
      setFailed(new Error(t('offline')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <QueryView query={asset}>
      {(a) => (
        <Stack>
          <Title order={3} size="h4">
            {a.hostname ?? a.externalId}
          </Title>
          <Text size="sm" c="dimmed">
            {a.organizationCode} · {tv('kind', a.kind)} · {a.operatingSystem} · {(a.addresses ?? []).join(', ')}
          </Text>
          <Text size="xs" c="dimmed">
            {a.updatedBy ?? a.createdBy} · {dateTime(a.updatedAt ?? a.createdAt)}
          </Text>
          <Title order={4} size="h5">
            {t('products')}
          </Title>
          <Table aria-label={t('products')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('product')}</Table.Th>
                <Table.Th>{t('version')}</Table.Th>
                <Table.Th>{t('identifier')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(a.products ?? []).map((p, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{[p.vendor, p.product].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>{p.version}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {p.cpe ?? p.purl}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {can('PUT /api/v1/assets/{id}/sbom') && (
            <Group>
              <FileButton onChange={(file) => uploadSbom(file, a.version)} accept=".json,.xml,application/json,application/xml">
                {(props) => (
                  <Button variant="light" loading={busy} {...props}>
                    {t('replaceBySbom')}
                  </Button>
                )}
              </FileButton>
            </Group>
          )}
          <ProblemAlert error={failed} />
          {warnings !== null && <Alert color={warnings === '0' ? 'green' : 'orange'}>{t('sbomDone', { n: warnings })}</Alert>}
          <Title order={4} size="h5">
            {t('navExposures')}
          </Title>
          <QueryView query={exposures}>
            {() =>
              !exposures.rows.length ? (
                <Text c="dimmed">{t('none')}</Text>
              ) : (
                <Stack gap={4}>
                  {exposures.rows.map((e) => (
                    <Group key={e.id} gap="xs" wrap="nowrap">
                      <SeverityBadge severity={e.severity} />
                      <Anchor component={Link} to={`/exposures/${e.id}`} size="sm" lineClamp={1}>
                        {e.advisoryReference ?? e.botnetListReference}
                      </Anchor>
                      <StatusBadge prefix="ex" status={e.status} />
                      <DueBadge dueOn={e.dueOn} done={exposureDone(e.status)} />
                    </Group>
                  ))}
                  <MoreButton list={exposures} />
                </Stack>
              )
            }
          </QueryView>
        </Stack>
      )}
    </QueryView>
  );
}
