import { Anchor, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';

export interface BarRow {
  label: string;
  href?: string;
  /** Segments drawn left to right: [value, CSS colour, what it counts]. */
  parts: [number, string, string][];
  /** The figure written at the end of the row. */
  figure: string;
}

/**
 * Horizontal bars drawn with plain elements (no chart library: the first screen's JavaScript stays small). Each bar
 * says its figures in words for screen readers.
 */
export function Bars({ rows, max }: { rows: BarRow[]; max?: number }) {
  const top = Math.max(1, max ?? Math.max(...rows.map((r) => r.parts.reduce((sum, [v]) => sum + v, 0))));
  return (
    <Stack gap={6}>
      {rows.map((row) => {
        const words = row.parts.map(([value, , what]) => `${what} ${value}`).join(', ');
        return (
          <div key={row.label}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              {row.href ? (
                <Anchor component={Link} to={row.href} size="sm" lineClamp={1}>
                  {row.label}
                </Anchor>
              ) : (
                <Text size="sm" lineClamp={1}>
                  {row.label}
                </Text>
              )}
              <Text size="sm" fw={600} aria-hidden="true" style={{ whiteSpace: 'nowrap' }}>
                {row.figure}
              </Text>
            </Group>
            <Track total={top} parts={row.parts} />
            <VisuallyHidden>{words}</VisuallyHidden>
          </div>
        );
      })}
    </Stack>
  );
}

/** One bar of segments, each as wide as its share of `total`; decorative (the figures are said in words beside it). */
export function Track({ total, parts }: { total: number; parts: [number, string, ...unknown[]][] }) {
  return (
    <div className="bar-track" aria-hidden="true">
      {parts.map(([value, color], i) => (
        <div key={i} className="bar-segment" style={{ width: `${(100 * Math.max(0, value)) / total}%`, background: color }} />
      ))}
    </div>
  );
}

/** A column per day; the label names the busiest day and the total, for those who do not see the picture. */
export function Columns({ days, label }: { days: { day: string; value: number }[]; label: string }) {
  const top = Math.max(1, ...days.map((d) => d.value));
  const width = 100 / Math.max(1, days.length);
  return (
    <svg viewBox="0 0 100 30" preserveAspectRatio="none" width="100%" height="80" role="img" aria-label={label}>
      {days.map((d, i) => (
        <rect
          key={d.day}
          x={i * width + width * 0.15}
          width={width * 0.7}
          y={30 - (28 * d.value) / top}
          height={(28 * d.value) / top}
          fill="var(--mantine-color-red-8)"
        >
          <title>{`${d.day}: ${d.value}`}</title>
        </rect>
      ))}
    </svg>
  );
}
