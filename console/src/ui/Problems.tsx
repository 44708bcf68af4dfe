import { Alert, Text } from '@mantine/core';
import { ProblemError, type Problem } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function problemOf(error: unknown): Problem | undefined {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof Error) return { title: error.message };
  return undefined;
}

/** The message of the problem's error on one field, to show under that field (Mantine's `error` prop). */
export function fieldError(error: unknown, field: string): string | undefined {
  const problem = problemOf(error);
  const match = problem?.errors?.find((e) => e.field === field || e.field?.endsWith('.' + field));
  return match?.message;
}

/** A problem the API answered, in the user's language (the API chose it from Accept-Language). */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const problem = problemOf(error);
  if (!problem) return null;
  // Every error is listed here too: a field the screen does not show would otherwise hide its message.
  const general = problem.errors ?? [];
  return (
    <Alert
      color="red"
      title={problem.status === 403 ? t('forbidden') : problem.status === 404 ? t('notFound') : problem.title}
      role="alert"
    >
      {problem.detail && <Text size="sm">{problem.detail}</Text>}
      {general.map((e, i) => (
        <Text size="sm" key={i}>
          {e.row !== undefined ? `${t('row')} ${e.row}: ` : ''}
          {e.field ? `${e.field}: ` : ''}
          {e.message}
        </Text>
      ))}
      {problem.allowed && <Text size="sm">{problem.allowed.join(', ')}</Text>}
      {problem.requestId && (
        <Text size="xs" c="dimmed">
          {t('requestId')}: {problem.requestId}
        </Text>
      )}
    </Alert>
  );
}
