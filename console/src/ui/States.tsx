import { Center, Loader, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ProblemAlert } from './Problems';

export function Loading() {
  const { t } = useI18n();
  return (
    <Center p="xl" aria-busy="true">
      <Loader size="sm" aria-label={t('loading')} />
    </Center>
  );
}

/** An empty list says what to do next. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text c="dimmed" ta="center">
        {children}
      </Text>
    </Paper>
  );
}

/** Loading, failed or ready: the three states of every query, shown the same way everywhere. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemAlert error={query.error} />;
  return <>{children(query.data as T)}</>;
}
