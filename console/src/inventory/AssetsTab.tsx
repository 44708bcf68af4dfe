import {
  Alert,
  Anchor,
  Button,
  Card,
  Drawer,
  FileButton,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemError, api, unwrap, upload, type Problem } from '../api/client';
import type { components } from '../api/schema';
import { todayInVietnam, useI18n } from '../i18n/i18n';
import { useCan, useSession } from '../session';
import { ProblemAlert } from '../ui/Problems';
import { Empty, QueryView } from '../ui/States';
import { MoreButton, usePaged } from '../ui/Paged';
import { useDownload, withQuery } from '../ui/Download';
import { AssetDetail } from './AssetDetail';

type ImportReport = components['schemas']['ImportReport'];

/** An address or a CIDR goes to the ip filter; anything else searches hostnames, external ids and systems. */
function searchQuery(text: string) {
  const trimmed = text.trim();
  if (!trimmed) return {};
  return /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(trimmed) && /[.:]/.test(trimmed) ? { ip: trimmed } : { q: trimmed };
}

export function AssetsTab() {
  const { t } = useI18n();
  const can = useCan();
  const [search, setSearch] = useState('');
  const [product, setProduct] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const assets = usePaged(['assets', search, product], (after) =>
    unwrap(
      api.GET('/api/v1/assets', {
        params: { query: { ...searchQuery(search), product: product.trim() || undefined, after: after, limit: 50 } },
      }),
    ),
  );
  const rows = assets.rows;
  // The same filters as one file in the columns an import reads: edited in a spreadsheet, it imports again.
  const file = useDownload();
  const exportCsv = () =>
    file.start(
      withQuery('/api/v1/assets/export', { ...searchQuery(search), product: product.trim() || undefined }),
      'text/csv',
      `assets-${todayInVietnam()}.csv`,
    );
  return (
    <Stack>
      {can('POST /api/v1/assets/imports') && <AssetImport />}
      <Group align="flex-start">
        <TextInput
          label={t('search')}
          description={t('assetSearch')}
          onKeyDown={(e) => e.key === 'Enter' && setSearch(e.currentTarget.value)}
          onBlur={(e) => setSearch(e.currentTarget.value)}
          w={420}
        />
        <TextInput
          label={t('productName')}
          description={t('productSearch')}
          onKeyDown={(e) => e.key === 'Enter' && setProduct(e.currentTarget.value)}
          onBlur={(e) => setProduct(e.currentTarget.value)}
          w={300}
        />
        <Button variant="light" size="xs" mt={26} onClick={exportCsv} loading={file.busy}>
          {t('download')} CSV
        </Button>
      </Group>
      <ProblemAlert error={file.failed} />
      <QueryView query={assets}>
        {() =>
          rows.length === 0 ? (
            <Empty>{t('noAssets')}</Empty>
          ) : (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped aria-label={t('assets')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('hostname')}</Table.Th>
                      <Table.Th>{t('addresses')}</Table.Th>
                      <Table.Th>{t('products')}</Table.Th>
                      <Table.Th>{t('organization')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component="button" size="sm" onClick={() => setOpen(a.id!)}>
                            {a.hostname ?? a.externalId}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{(a.addresses ?? []).join(', ')}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {(a.products ?? []).map((p) => [p.vendor, p.product, p.version].filter(Boolean).join(' ')).join('; ')}
                          </Text>
                        </Table.Td>
                        <Table.Td>{a.organizationCode}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <MoreButton list={assets} />
            </>
          )
        }
      </QueryView>
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="lg" title={t('asset')}>
        {open && <AssetDetail id={open} />}
      </Drawer>
    </Stack>
  );
}

/**
 * Uploads a file with a progress bar (XMLHttpRequest reports upload progress; fetch does not) and shows each bad
 * row's errors against its row number.
 */
function AssetImport() {
  const { t } = useI18n();
  const session = useSession();
  const client = useQueryClient();
  const [mode, setMode] = useState<'all-or-nothing' | 'skip-bad-rows'>('all-or-nothing');
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const importFile = async (file: File | null) => {
    if (!file) return;
    setReport(null);
    setProblem(null);
    setProgress(0);
    const path = `/api/v1/assets/imports?mode=${mode}&organization=${encodeURIComponent(session.organization)}`;
    const type = file.name.endsWith('.csv') ? 'text/csv' : 'application/json';
    try {
      const { status, body } = await upload(path, file, type, setProgress);
      if (status >= 200 && status < 300) {
        setReport(body as ImportReport);
        client.invalidateQueries({ queryKey: ['assets'] });
      } else {
        setProblem({ status, ...(body as Problem) });
      }
    } catch {
      setProblem({ title: t('offline') });
    } finally {
      setProgress(null);
    }
  };
  const rowErrors = report?.errors?.length ? report.errors : problem?.errors?.some((e) => e.row !== undefined) ? problem.errors : [];
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {t('importAssets')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('importHint')}
      </Text>
      <Group mt="sm" align="flex-end">
        <div>
          <Text size="sm" fw={500} id="import-mode">
            {t('importMode')}
          </Text>
          <SegmentedControl
            aria-labelledby="import-mode"
            value={mode}
            onChange={(v) => setMode(v as typeof mode)}
            data={[
              { value: 'all-or-nothing', label: t('allOrNothing') },
              { value: 'skip-bad-rows', label: t('skipBadRows') },
            ]}
          />
        </div>
        <FileButton onChange={importFile} accept=".csv,.json,text/csv,application/json">
          {(props) => (
            <Button {...props} data-testid="import-file">
              {t('chooseFile')}
            </Button>
          )}
        </FileButton>
      </Group>
      {progress !== null && (
        <Stack gap={4} mt="sm">
          <Text size="sm">{t('uploading', { percent: progress })}</Text>
          <Progress value={progress} aria-label={t('uploading', { percent: progress })} />
        </Stack>
      )}
      {report && (
        <Alert color={report.errors?.length ? 'orange' : 'green'} mt="sm">
          {t('importDone', { rows: report.rows, created: report.created, updated: report.updated, skipped: report.skipped })}
        </Alert>
      )}
      {problem && (
        <Stack mt="sm">
          {rowErrors?.length ? (
            <Alert color="red" role="alert" title={problem.title}>
              {t('importRefused')}
            </Alert>
          ) : (
            <ProblemAlert error={new ProblemError(problem)} />
          )}
        </Stack>
      )}
      {!!rowErrors?.length && (
        <Table mt="sm" aria-label={t('problem')} data-testid="row-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('row')}</Table.Th>
              <Table.Th>{t('field')}</Table.Th>
              <Table.Th>{t('problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rowErrors.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.field}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
