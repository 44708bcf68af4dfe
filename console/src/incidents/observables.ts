import type { components } from '../api/schema';

type Observable = components['schemas']['ObservableInput'];

/** One observable per line, its type told by its shape; the service canonicalises and checks each value. */
export function observablesOf(lines: string): Observable[] {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((value) => ({ type: typeOf(value), value }));
}

function typeOf(value: string): Observable['type'] {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return 'URL';
  if (/^[^@\s]+@[^@\s]+$/.test(value)) return 'EMAIL';
  if (/^[0-9a-f]{32,128}$/i.test(value)) return 'HASH';
  if (/^[0-9.]+(\/\d+)?$/.test(value) || /^[0-9a-f:]+(\/\d+)?$/i.test(value)) return 'IP';
  return 'DOMAIN';
}
