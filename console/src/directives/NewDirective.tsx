import { Alert, Button, Card, Group, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { todayInVietnam, useI18n } from '../i18n/i18n';
import { ProblemAlert, fieldError } from '../ui/Problems';
import { useFields } from '../ui/useFields';

/** A directive of the caller's own to organisations of its subtree, with action items and an alert window. */
export function NewDirective({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const { fields: form, bind: set } = useFields({
    reference: '',
    subject: '',
    body: '',
    issuedOn: todayInVietnam(),
    reportDueOn: '',
    recipients: '',
    items: '',
    windowName: '',
    windowStarts: '',
    windowEnds: '',
  });
  const issue = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/directives', {
          body: {
            reference: form.reference,
            subject: form.subject,
            body: form.body || undefined,
            issuedOn: form.issuedOn || undefined,
            reportDueOn: form.reportDueOn || undefined,
            recipients: form.recipients.split(/[,\s]+/).filter(Boolean),
            items: form.items
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .map((text, i) => ({ code: String(i + 1), text })),
            alertWindows: form.windowName ? [{ name: form.windowName, startsOn: form.windowStarts, endsOn: form.windowEnds }] : undefined,
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['directives'] }),
  });
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), issue.mutate())}>
      <Title order={3} size="h4">
        {t('newDirective')}
      </Title>
      <Stack mt="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('reference')}
            required
            value={form.reference}
            onChange={set('reference')}
            error={fieldError(issue.error, 'reference')}
          />
          <TextInput
            label={t('issuedOn')}
            type="date"
            value={form.issuedOn}
            onChange={set('issuedOn')}
            error={fieldError(issue.error, 'issuedOn')}
          />
          <TextInput
            label={t('reportDueOn')}
            type="date"
            value={form.reportDueOn}
            onChange={set('reportDueOn')}
            error={fieldError(issue.error, 'reportDueOn')}
          />
        </SimpleGrid>
        <TextInput
          label={t('subject')}
          required
          value={form.subject}
          onChange={set('subject')}
          error={fieldError(issue.error, 'subject')}
        />
        <Textarea label={t('body')} value={form.body} onChange={set('body')} autosize minRows={2} error={fieldError(issue.error, 'body')} />
        <TextInput
          label={t('forwardRecipients')}
          value={form.recipients}
          onChange={set('recipients')}
          error={fieldError(issue.error, 'recipients')}
        />
        <Textarea
          label={t('itemsOnePerLine')}
          value={form.items}
          onChange={set('items')}
          autosize
          minRows={2}
          error={fieldError(issue.error, 'items')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('alertWindow')}
            placeholder="Tết Bính Ngọ 2026"
            value={form.windowName}
            onChange={set('windowName')}
            error={fieldError(issue.error, 'alertWindows[0].name')}
          />
          <TextInput
            label={t('from')}
            type="date"
            value={form.windowStarts}
            onChange={set('windowStarts')}
            error={fieldError(issue.error, 'alertWindows[0].startsOn')}
          />
          <TextInput
            label={t('to')}
            type="date"
            value={form.windowEnds}
            onChange={set('windowEnds')}
            error={fieldError(issue.error, 'alertWindows[0].endsOn')}
          />
        </SimpleGrid>
        <ProblemAlert error={issue.error} />
        {issue.data && (
          <Alert color="green">
            {t('issued')} <Link to={`/directives/${issue.data.id}`}>{issue.data.reference}</Link>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('close')}
          </Button>
          <Button type="submit" loading={issue.isPending}>
            {t('issue')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
