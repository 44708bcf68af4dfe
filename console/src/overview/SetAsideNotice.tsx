import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { ProblemAlert } from '../ui/Problems';

const SHOWN = 5;

/**
 * For the Authority: matching work the database refused for good, set aside so that it does not stop the jobs. Until
 * it is put back (here, once the cause is fixed, or by the next event of its asset or organisation) those assets'
 * exposures may be missing. Nothing is shown while nothing is set aside.
 */
export function SetAsideNotice() {
  const can = useCan();
  return can('GET /api/v1/exposures/set-aside') ? <SetAside /> : null;
}

function SetAside() {
  const { t, dateTime } = useI18n();
  const client = useQueryClient();
  const setAside = useQuery({
    queryKey: ['set-aside'],
    queryFn: () => unwrap(api.GET('/api/v1/exposures/set-aside')),
  });
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/exposures/set-aside/retry')),
    onSuccess: () => client.invalidateQueries({ queryKey: ['set-aside'] }),
  });
  const found = setAside.data;
  if (!found || (found.assetCount ?? 0) + (found.organizationCount ?? 0) === 0) return null;
  const lines = [
    ...(found.assets ?? []).map((a) => ({
      key: a.assetId,
      what: `${a.hostname ?? a.assetId} (${a.organization ?? '?'})`,
      at: a.failedAt,
      failure: a.failure,
    })),
    ...(found.organizations ?? []).map((o) => ({ key: o.organization, what: o.organization, at: o.failedAt, failure: o.failure })),
  ].slice(0, SHOWN);
  return (
    <Alert color="orange" title={t('setAsideTitle', { assets: found.assetCount, organizations: found.organizationCount })}>
      <Stack gap="xs">
        <Text size="sm">{t('setAsideHint')}</Text>
        <List size="sm" spacing={2}>
          {lines.map((line) => (
            <List.Item key={line.key}>
              {line.what} · {dateTime(line.at)} ·{' '}
              <Text span c="dimmed">
                {line.failure}
              </Text>
            </List.Item>
          ))}
        </List>
        <ProblemAlert error={retry.error} />
        <Button size="xs" variant="light" color="orange" w="fit-content" loading={retry.isPending} onClick={() => retry.mutate()}>
          {t('setAsideRetry')}
        </Button>
      </Stack>
    </Alert>
  );
}
