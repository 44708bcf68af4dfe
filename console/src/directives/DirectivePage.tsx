import { Alert, Anchor, Badge, Button, Card, Group, List, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useDownload } from '../ui/Download';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { useCan, useSession } from '../session';
import { DueBadge } from '../ui/Badges';
import { ProblemAlert, fieldError } from '../ui/Problems';
import { QueryView } from '../ui/States';

type Directive = components['schemas']['DirectiveDetails'];
type Recipient = components['schemas']['RecipientStatus'];
type ItemStatus = components['schemas']['ItemStatus'];

export default function DirectivePage() {
  const { id = '' } = useParams();
  const { t, date } = useI18n();
  const directive = useQuery({
    queryKey: ['directive', id],
    queryFn: () => unwrap(api.GET('/api/v1/directives/{id}', { params: { path: { id } } })),
  });
  const recipients = useQuery({
    queryKey: ['directive', id, 'recipients'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/directives/{id}/recipients', { params: { path: { id } }, headers: { Accept: 'application/json' } }),
      ) as Promise<Recipient[]>,
  });
  return (
    <QueryView query={directive}>
      {(d) => (
        <Stack>
          <Group justify="space-between" align="flex-start">
            <div>
              <Text c="dimmed" size="sm">
                {d.issuerCode} · {date(d.issuedOn)}
                {d.parentReference && (
                  <>
                    {' · '}
                    {t('parentDirective')}:{' '}
                    <Anchor component={Link} to={`/directives/${d.parentId}`}>
                      {d.parentReference}
                    </Anchor>
                  </>
                )}
              </Text>
              <Title order={2}>{d.reference}</Title>
              <Text fw={500}>{d.subject}</Text>
            </div>
            <Group gap="xs">
              <Text size="sm">{t('reportDueOn')}:</Text>
              <DueBadge dueOn={d.reportDueOn} />
            </Group>
          </Group>
          {d.body && <Text style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Text>}
          <Card withBorder>
            <Title order={3} size="h4">
              {t('actionItems')}
            </Title>
            <List type="ordered" mt="xs">
              {(d.items ?? []).map((item) => (
                <List.Item key={item.code}>
                  <Text span fw={600}>
                    {item.code}.
                  </Text>{' '}
                  {item.text}
                </List.Item>
              ))}
            </List>
            {!!d.alertWindows?.length && (
              <>
                <Title order={4} size="h5" mt="sm">
                  {t('alertWindows')}
                </Title>
                {d.alertWindows.map((w) => (
                  <Text key={w.name} size="sm">
                    {w.name}: {date(w.startsOn)} → {date(w.endsOn)}
                  </Text>
                ))}
              </>
            )}
          </Card>
          <Answer directive={d} recipients={recipients.data} />
          <CompiledReport directive={d} recipients={recipients} />
        </Stack>
      )}
    </QueryView>
  );
}

/** What the caller's organisation does with a directive it received: acknowledge, report, forward. */
function Answer({ directive, recipients }: { directive: Directive; recipients?: Recipient[] }) {
  const session = useSession();
  const can = useCan();
  const mine = recipients?.find((r) => r.organizationCode === session.organization);
  if (directive.issuerCode === session.organization || !mine) return null;
  return (
    <Stack>
      <Acknowledge directive={directive} mine={mine} allowed={can('POST /api/v1/directives/{id}/acknowledgement')} />
      {can('PUT /api/v1/directives/{id}/report') && <ReportForm directive={directive} mine={mine} />}
      {can('POST /api/v1/directives/{id}/forwards') && <ForwardForm directive={directive} mine={mine} />}
    </Stack>
  );
}

/** What an answer changes: the directive, and the boxes and the overview's card that list it. */
function answered(client: QueryClient, id?: string) {
  client.invalidateQueries({ queryKey: ['directive', id] });
  client.invalidateQueries({ queryKey: ['directives'] });
}

function Acknowledge({ directive, mine, allowed }: { directive: Directive; mine: Recipient; allowed: boolean }) {
  const { t, dateTime } = useI18n();
  const client = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/directives/{id}/acknowledgement', { params: { path: { id: directive.id! } } })),
    onSuccess: () => answered(client, directive.id),
  });
  if (mine.acknowledgedAt) {
    return (
      <Alert color="green" title={t('acknowledgedDone')}>
        {mine.acknowledgedBy} · {dateTime(mine.acknowledgedAt)}
      </Alert>
    );
  }
  if (!allowed) return null;
  return (
    <Group>
      <Button onClick={() => acknowledge.mutate()} loading={acknowledge.isPending}>
        {t('acknowledge')}
      </Button>
      <ProblemAlert error={acknowledge.error} />
    </Group>
  );
}

function ReportForm({ directive, mine }: { directive: Directive; mine: Recipient }) {
  const { t, tv, dateTime } = useI18n();
  const client = useQueryClient();
  const previous = new Map((mine.items ?? []).map((i) => [i.code, i]));
  const [items, setItems] = useState(
    (directive.items ?? []).map((item) => ({
      code: item.code!,
      status: (previous.get(item.code!)?.status ?? 'NOT_STARTED') as ItemStatus,
      text: previous.get(item.code!)?.text ?? '',
    })),
  );
  const [text, setText] = useState(mine.reportText ?? '');
  const report = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/directives/{id}/report', { params: { path: { id: directive.id! } }, body: { items, text: text || undefined } }),
      ),
    onSuccess: () => answered(client, directive.id),
  });
  const statuses: ItemStatus[] = ['DONE', 'IN_PROGRESS', 'NOT_STARTED', 'NOT_APPLICABLE'];
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), report.mutate())}>
      <Title order={3} size="h4">
        {t('reportTitle')}
      </Title>
      {mine.reportedAt && (
        <Text size="sm" c="dimmed">
          {t('reported')}: {mine.reportedBy} · {dateTime(mine.reportedAt)}
        </Text>
      )}
      <Stack mt="sm">
        {items.map((item, index) => (
          <Group key={item.code} align="flex-end" wrap="wrap">
            <Select
              label={`${t('actionItems')} ${item.code}`}
              data={statuses.map((s) => ({ value: s, label: tv('item', s) }))}
              value={item.status}
              allowDeselect={false}
              onChange={(v) => setItems(items.map((it, i) => (i === index ? { ...it, status: v as ItemStatus } : it)))}
              w={220}
              error={fieldError(report.error, `items[${index}].status`)}
            />
            <TextInput
              label={t('note')}
              value={item.text}
              onChange={(e) => setItems(items.map((it, i) => (i === index ? { ...it, text: e.currentTarget.value } : it)))}
              style={{ flex: 1, minWidth: 200 }}
              error={fieldError(report.error, `items[${index}].text`)}
            />
          </Group>
        ))}
        <Textarea
          label={t('reportText')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError(report.error, 'text')}
        />
        <ProblemAlert error={report.error} />
        {report.isSuccess && <Alert color="green">{t('reportSaved')}</Alert>}
        <Group>
          <Button type="submit" loading={report.isPending}>
            {t('submitReport')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ForwardForm({ directive, mine }: { directive: Directive; mine: Recipient }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [reference, setReference] = useState('');
  const [recipients, setRecipients] = useState('');
  const [reportDueOn, setReportDueOn] = useState(directive.reportDueOn ?? '');
  const [added, setAdded] = useState('');
  const forward = useMutation({
    mutationFn: () => {
      const own = directive.items ?? [];
      const extra = added
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((text, i) => ({ code: String(own.length + i + 1), text }));
      return unwrap(
        api.POST('/api/v1/directives/{id}/forwards', {
          params: { path: { id: directive.id! } },
          body: {
            reference,
            subject: directive.subject!,
            reportDueOn: reportDueOn || undefined,
            recipients: recipients.split(/[,\s]+/).filter(Boolean),
            items: [...own, ...extra],
            alertWindows: directive.alertWindows,
          },
        }),
      );
    },
    onSuccess: () => answered(client, directive.id),
  });
  if (mine.forwardedAs) {
    return <Alert color="blue">{t('forwardedAs', { reference: mine.forwardedAs })}</Alert>;
  }
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), forward.mutate())}>
      <Title order={3} size="h4">
        {t('forwardTitle')}
      </Title>
      <Stack mt="sm">
        <Group grow wrap="wrap">
          <TextInput
            label={t('reference')}
            required
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={fieldError(forward.error, 'reference')}
          />
          <TextInput
            label={t('reportDueOn')}
            type="date"
            value={reportDueOn}
            onChange={(e) => setReportDueOn(e.currentTarget.value)}
            error={fieldError(forward.error, 'reportDueOn')}
          />
        </Group>
        <TextInput
          label={t('forwardRecipients')}
          value={recipients}
          onChange={(e) => setRecipients(e.currentTarget.value)}
          error={fieldError(forward.error, 'recipients')}
        />
        <Textarea
          label={t('addedItems')}
          value={added}
          onChange={(e) => setAdded(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError(forward.error, 'items')}
        />
        <ProblemAlert error={forward.error} />
        {forward.isSuccess && <Alert color="green">{t('forwarded', { reference: forward.data?.reference })}</Alert>}
        <Group>
          <Button type="submit" loading={forward.isPending}>
            {t('forward')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CompiledReport({
  directive,
  recipients,
}: {
  directive: Directive;
  recipients: { data?: Recipient[]; error: unknown; isPending: boolean };
}) {
  const { t, tv, dateTime } = useI18n();
  const session = useSession();
  if (directive.issuerCode !== session.organization) return null;
  const file = useDownload();
  const downloadReport = () => {
    const name = `${(directive.reference ?? directive.id ?? 'directive').replaceAll('/', '-')}-report.csv`;
    file.start(`/api/v1/directives/${directive.id}/recipients`, 'text/csv', name);
  };
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('compiledReport')} ({directive.reported}/{directive.recipients})
        </Title>
        <Button variant="light" onClick={downloadReport}>
          {t('download')} CSV
        </Button>
      </Group>
      <ProblemAlert error={file.failed} />
      <QueryView query={recipients}>
        {(rows) => (
          <Table.ScrollContainer minWidth={640}>
            <Table mt="sm" aria-label={t('compiledReport')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('organization')}</Table.Th>
                  <Table.Th>{t('acknowledged')}</Table.Th>
                  <Table.Th>{t('reported')}</Table.Th>
                  <Table.Th>{t('actionItems')}</Table.Th>
                  <Table.Th>{t('overdueExposures')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.organizationCode} data-testid={`recipient-${r.organizationCode}`}>
                    <Table.Td>
                      {r.nameVi}
                      {r.forwardedAs && (
                        <Text size="xs" c="dimmed">
                          {t('forwardedAs', { reference: r.forwardedAs })} ({r.forwardedReported}/{r.forwardedRecipients})
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{r.acknowledgedAt ? dateTime(r.acknowledgedAt) : <Badge color="gray">{t('notAnswered')}</Badge>}</Table.Td>
                    <Table.Td>
                      {r.reportedAt ? (
                        <>
                          {dateTime(r.reportedAt)} {r.late && <Badge color="#b54708">{t('late')}</Badge>}
                        </>
                      ) : (
                        <Badge color="red.9">{t('notAnswered')}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {(r.items ?? []).map((i) => (
                        <Text key={i.code} size="xs">
                          {i.code}: {tv('item', i.status)} {i.text && `— ${i.text}`}
                        </Text>
                      ))}
                      {r.reportText && (
                        <Text size="xs" c="dimmed">
                          {r.reportText}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{r.overdueExposures}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Card>
  );
}
