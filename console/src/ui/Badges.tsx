import { Badge } from '@mantine/core';
import { daysUntil, useI18n } from '../i18n/i18n';

// Mantine's oranges and yellows are too light for white text (WCAG AA wants 4.5:1): darker shades of the same hues.
const SEVERITY_COLORS: Record<string, string> = { CRITICAL: 'red.9', HIGH: '#b54708', MEDIUM: '#8a5a00', LOW: 'gray.7' };

export function SeverityBadge({ severity }: { severity?: string }) {
  const { tv } = useI18n();
  if (!severity) return null;
  return (
    <Badge color={SEVERITY_COLORS[severity] ?? 'gray'} variant="filled">
      {tv('sev', severity)}
    </Badge>
  );
}

export function StatusBadge({ prefix, status }: { prefix: 'ex' | 'in'; status?: string }) {
  const { tv } = useI18n();
  if (!status) return null;
  return (
    <Badge variant="light" color="blue">
      {tv(prefix, status)}
    </Badge>
  );
}

/** Days left to a LocalDate deadline, in red once past. */
export function DueBadge({ dueOn, done }: { dueOn?: string; done?: boolean }) {
  const { t, date } = useI18n();
  if (!dueOn) return null;
  const days = daysUntil(dueOn);
  const label = done ? date(dueOn) : days > 0 ? t('daysLeft', { n: days }) : days === 0 ? t('dueToday') : t('daysLate', { n: -days });
  return (
    <Badge
      style={{ flexShrink: 0 }}
      variant={days < 0 && !done ? 'filled' : 'outline'}
      color={days < 0 && !done ? 'red.9' : days <= 3 && !done ? '#b54708' : 'gray.7'}
      title={date(dueOn)}
    >
      {label}
    </Badge>
  );
}
