import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { fieldError, ProblemAlert } from '../ui/Problems';
import { useSession } from '../session';

type Withdrawn = components['schemas']['Withdrawn'];

/** "Withdrawn", with when, by whom and why on hover: a withdrawn advisory or list matches nothing any more. */
export function WithdrawnBadge({ withdrawal }: { withdrawal?: Withdrawn | null }) {
  const { t, dateTime } = useI18n();
  if (!withdrawal) return null;
  return (
    <Tooltip label={t('withdrawnOn', { at: dateTime(withdrawal.at), by: withdrawal.by, reason: withdrawal.reason })} multiline w={320}>
      <Badge color="gray" size="sm">
        {t('withdrawn')}
      </Badge>
    </Tooltip>
  );
}

/** The same, written out, for a detail view. */
export function WithdrawnNote({ withdrawal }: { withdrawal?: Withdrawn | null }) {
  const { t, dateTime } = useI18n();
  if (!withdrawal) return null;
  return (
    <Alert color="gray" title={t('withdrawn')}>
      {t('withdrawnOn', { at: dateTime(withdrawal.at), by: withdrawal.by, reason: withdrawal.reason })}
    </Alert>
  );
}

/** Whether the signed-in person may withdraw what {@code createdBy} published: the Authority, or its publisher. */
export function useMayWithdraw(): (createdBy?: string) => boolean {
  const session = useSession();
  return (createdBy) => session.roles.includes('authority') || (!!createdBy && createdBy === session.username);
}

/**
 * Withdraws an advisory or a botnet list published by mistake, with the reason the API keeps on it and on every
 * exposure it closes. Asked in a dialog: it closes exposures across every agency and cannot be undone.
 */
export function WithdrawButton({ kind, id, reference }: { kind: 'advisory' | 'botnet-list'; id: string; reference?: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () =>
      unwrap(
        kind === 'advisory'
          ? api.POST('/api/v1/advisories/{id}/withdrawal', { params: { path: { id } }, body: { reason } })
          : api.POST('/api/v1/botnet-lists/{id}/withdrawal', { params: { path: { id } }, body: { reason } }),
      ),
    onSuccess: () => {
      setOpened(false);
      setReason('');
      for (const key of [
        'advisories',
        'advisory',
        'botnet-lists',
        'exposures',
        'exposure',
        'exposure-summary',
        'exposure-breakdown',
        'asset',
      ])
        client.invalidateQueries({ queryKey: [key] });
    },
  });
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpened(true)}>
        {t('withdraw')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={`${t('withdraw')} ${reference ?? ''}`}>
        <Stack>
          <Text size="sm">{t(kind === 'advisory' ? 'withdrawAdvisoryExplained' : 'withdrawListExplained')}</Text>
          <Textarea
            label={t('withdrawalReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(withdraw.error, 'reason')}
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
          />
          <ProblemAlert error={withdraw.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('cancel')}
            </Button>
            <Button color="red" loading={withdraw.isPending} disabled={!reason.trim()} onClick={() => withdraw.mutate()}>
              {t('withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
