import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { ProblemAlert, fieldError } from '../ui/Problems';
import { Empty, QueryView } from '../ui/States';
import { SEVERITIES } from '../ui/Enums';

type Contact = components['schemas']['ContactView'];

/** What each contact of the organisation receives: minimum severity, digest interval, language, quiet hours. */
export function PreferencesTab() {
  const { t } = useI18n();
  const contacts = useQuery({ queryKey: ['preferences'], queryFn: () => unwrap(api.GET('/api/v1/notification-preferences')) });
  return (
    <QueryView query={contacts}>
      {(list) =>
        !list.length ? (
          <Empty>{t('noContacts')}</Empty>
        ) : (
          <Stack>
            {list.map((c) => (
              <ContactCard key={c.email} contact={c} />
            ))}
          </Stack>
        )
      }
    </QueryView>
  );
}

function ContactCard({ contact }: { contact: Contact }) {
  const { t, tv } = useI18n();
  const can = useCan();
  const client = useQueryClient();
  const start = contact.preference;
  const [email, setEmail] = useState(start?.channels?.includes('EMAIL') ?? true);
  const [minSeverity, setMinSeverity] = useState(start?.minSeverity ?? 'LOW');
  const [digest, setDigest] = useState(String(start?.digestMinutes ?? 60));
  const [language, setLanguage] = useState(start?.language ?? 'vi');
  const [quietFrom, setQuietFrom] = useState(start?.quietFrom?.slice(0, 5) ?? '');
  const [quietTo, setQuietTo] = useState(start?.quietTo?.slice(0, 5) ?? '');
  // The version the form was filled from: a save over someone else's change meanwhile is refused (412), not lost.
  const [version, setVersion] = useState(contact.version ?? 0);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/notification-preferences/{organization}/{email}', {
          params: {
            path: { organization: contact.organization!, email: contact.email! },
            header: { 'If-Match': `"${contact.version ?? 0}"` },
          },
          body: {
            channels: email ? ['EMAIL'] : [],
            minSeverity,
            digestMinutes: Number(digest),
            language,
            quietFrom: quietFrom || undefined,
            quietTo: quietTo || undefined,
          },
        }),
      ),
    onSuccess: (saved) => {
      setVersion(saved.version ?? version);
      client.invalidateQueries({ queryKey: ['preferences'] });
    },
  });
  const editable = can('PUT /api/v1/notification-preferences/{organization}/{email}');
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), save.mutate())}>
      <Group justify="space-between">
        <div>
          <Title order={3} size="h5">
            {contact.name}
          </Title>
          <Text size="sm" c="dimmed">
            {contact.email}
          </Text>
        </div>
        <Group gap={4}>
          {(contact.roles ?? []).map((role) => (
            <Badge key={role} variant="light">
              {tv('role', role)}
            </Badge>
          ))}
          {contact.defaults && <Badge color="gray">{t('defaults')}</Badge>}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3, md: 6 }} mt="sm">
        <Switch label={t('email')} checked={email} onChange={(e) => setEmail(e.currentTarget.checked)} disabled={!editable} mt={24} />
        <Select
          label={t('minSeverity')}
          data={[...SEVERITIES].reverse().map((s) => ({ value: s, label: tv('sev', s) }))}
          value={minSeverity}
          onChange={(v) => v && setMinSeverity(v)}
          disabled={!editable}
          allowDeselect={false}
        />
        <Select
          label={t('digestEvery')}
          data={['15', '60', '240', '1440'].map((m) => ({ value: m, label: t('minutes', { n: m }) }))}
          value={digest}
          onChange={(v) => v && setDigest(v)}
          disabled={!editable}
          allowDeselect={false}
          error={fieldError(save.error, 'digestMinutes')}
        />
        <Select
          label={t('language')}
          data={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
          value={language}
          onChange={(v) => v && setLanguage(v)}
          disabled={!editable}
          allowDeselect={false}
        />
        <TextInput
          label={t('quietFrom')}
          type="time"
          value={quietFrom}
          onChange={(e) => setQuietFrom(e.currentTarget.value)}
          disabled={!editable}
          error={fieldError(save.error, 'quietFrom')}
        />
        <TextInput
          label={t('quietTo')}
          type="time"
          value={quietTo}
          onChange={(e) => setQuietTo(e.currentTarget.value)}
          disabled={!editable}
          error={fieldError(save.error, 'quietTo')}
        />
      </SimpleGrid>
      <ProblemAlert error={save.error} />
      {save.isSuccess && (
        <Alert color="green" mt="xs">
          {t('saved')}
        </Alert>
      )}
      {editable && (
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={save.isPending}>
            {t('save')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
