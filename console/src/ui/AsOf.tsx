import { Text, Tooltip } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

/** How fresh an answer built from a read model is, from its headers: as of when, and how much still waits. */
export interface Freshness {
  asOf: string | null;
  behind: number;
}

export function freshnessOf(response: Response): Freshness {
  return {
    asOf: response.headers.get('Canhgac-Data-As-Of'),
    behind: Number(response.headers.get('Canhgac-Data-Behind') ?? 0),
  };
}

/** "As of 10:42", and "catching up" while events wait: the console never shows an old picture as current. */
export function AsOf({ freshness }: { freshness?: Freshness }) {
  const { t, dateTime, number } = useI18n();
  if (!freshness?.asOf) return null;
  return (
    <Tooltip label={freshness.behind ? t('behindCount', { n: number(freshness.behind) }) : freshness.asOf}>
      <Text size="xs" c="dimmed" data-testid="as-of">
        {t('asOf', { time: dateTime(freshness.asOf) })}
        {freshness.behind ? ` · ${t('catchingUp')}` : ''}
      </Text>
    </Tooltip>
  );
}
