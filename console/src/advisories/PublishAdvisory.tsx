import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemFrom, send, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { todayInVietnam, useI18n } from '../i18n/i18n';
import { useSession } from '../session';
import { ProblemAlert, fieldError } from '../ui/Problems';
import { SEVERITIES } from '../ui/Enums';
import { useFields } from '../ui/useFields';

type Severity = components['schemas']['Severity'];
type Imported = components['schemas']['ImportedAdvisories'];

/**
 * The Authority (or a national feed's analyst) publishes an advisory written by hand, or imports a CSAF 2.0
 * document or a KEV catalogue; either is matched at once against every installed product.
 */
export function PublishAdvisory() {
  const { t } = useI18n();
  const [way, setWay] = useState<'form' | 'csaf' | 'kev'>('form');
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('publishAdvisory')}
        </Title>
        <SegmentedControl
          value={way}
          onChange={(v) => setWay(v as typeof way)}
          data={[
            { value: 'form', label: t('byHand') },
            { value: 'csaf', label: 'CSAF 2.0' },
            { value: 'kev', label: 'KEV' },
          ]}
        />
      </Group>
      {way === 'form' ? <AdvisoryForm /> : <AdvisoryImport format={way} />}
    </Card>
  );
}

function AdvisoryForm() {
  const { t, tv } = useI18n();
  const session = useSession();
  const client = useQueryClient();
  const {
    fields: form,
    setFields: setForm,
    bind: set,
  } = useFields({
    reference: '',
    title: '',
    severity: 'HIGH' as Severity,
    issuedOn: todayInVietnam(),
    dueOn: '',
    cves: '',
    remediation: '',
    vendor: '',
    product: '',
    startIncluding: '',
    endExcluding: '',
  });
  const publish = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/advisories', {
          params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: {
            reference: form.reference,
            issuer: session.organization,
            title: form.title,
            severity: form.severity,
            issuedOn: form.issuedOn,
            dueOn: form.dueOn || undefined,
            remediation: form.remediation || undefined,
            cves: form.cves.split(/[,\s]+/).filter(Boolean),
            affected: [
              {
                vendor: form.vendor || undefined,
                product: form.product,
                startIncluding: form.startIncluding || undefined,
                endExcluding: form.endExcluding || undefined,
              },
            ],
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['advisories'] }),
  });
  return (
    <Stack component="form" mt="sm" onSubmit={(e) => (e.preventDefault(), publish.mutate())}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('reference')}
          required
          value={form.reference}
          onChange={set('reference')}
          error={fieldError(publish.error, 'reference')}
        />
        <Select
          label={t('severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: tv('sev', s) }))}
          value={form.severity}
          onChange={(v) => setForm({ ...form, severity: v as Severity })}
          allowDeselect={false}
        />
        <TextInput label="CVE" value={form.cves} onChange={set('cves')} error={fieldError(publish.error, 'cves')} />
      </SimpleGrid>
      <TextInput label={t('title')} required value={form.title} onChange={set('title')} error={fieldError(publish.error, 'title')} />
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput label={t('vendor')} value={form.vendor} onChange={set('vendor')} />
        <TextInput
          label={t('product')}
          required
          value={form.product}
          onChange={set('product')}
          error={fieldError(publish.error, 'affected[0].product')}
        />
        <TextInput
          label={t('fromVersion')}
          value={form.startIncluding}
          onChange={set('startIncluding')}
          error={fieldError(publish.error, 'affected[0].startIncluding')}
        />
        <TextInput
          label={t('fixedVersion')}
          value={form.endExcluding}
          onChange={set('endExcluding')}
          error={fieldError(publish.error, 'affected[0].endExcluding')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('issuedOn')}
          type="date"
          required
          value={form.issuedOn}
          onChange={set('issuedOn')}
          error={fieldError(publish.error, 'issuedOn')}
        />
        <TextInput label={t('dueOn')} type="date" value={form.dueOn} onChange={set('dueOn')} error={fieldError(publish.error, 'dueOn')} />
      </SimpleGrid>
      <Textarea label={t('remediation')} value={form.remediation} onChange={set('remediation')} autosize minRows={2} />
      <ProblemAlert error={publish.error} />
      {publish.data && (
        <Alert color="green">{t('published', { reference: publish.data.reference, n: publish.data.matching?.detected ?? 0 })}</Alert>
      )}
      <Group justify="flex-end">
        <Button type="submit" loading={publish.isPending}>
          {t('publish')}
        </Button>
      </Group>
    </Stack>
  );
}

function AdvisoryImport({ format }: { format: 'csaf' | 'kev' }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Imported | null>(null);
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const query = format === 'csaf' && reference ? `?reference=${encodeURIComponent(reference)}` : '';
    const response = await send('POST', `/api/v1/advisories/imports/${format}${query}`, file, 'application/json');
    setBusy(false);
    if (response.ok) {
      setDone((await response.json()) as Imported);
      client.invalidateQueries({ queryKey: ['advisories'] });
    } else setError(await problemFrom(response));
  };
  return (
    <Stack mt="sm">
      {format === 'csaf' && (
        <TextInput label={t('ownReference')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} maw={320} />
      )}
      <Group>
        <FileButton onChange={upload} accept=".json,application/json">
          {(props) => (
            <Button {...props} loading={busy}>
              {t('chooseFile')}
            </Button>
          )}
        </FileButton>
      </Group>
      <ProblemAlert error={error} />
      {done && (
        <Alert color="green">
          <Text size="sm">
            {t('imported', { created: done.created, revised: done.revised, unchanged: done.unchanged, n: done.exposures?.detected ?? 0 })}
          </Text>
          {(done.warnings ?? []).map((w) => (
            <Text size="xs" key={w}>
              {w}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  );
}
