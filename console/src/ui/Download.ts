import { useState } from 'react';
import { download } from '../api/client';

/** A file the API answers, saved by the browser: whether it is on its way, and why it failed if it did. */
export function useDownload() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const start = (path: string, accept: string, filename: string) => {
    setFailed(null);
    setBusy(true);
    download(path, accept, filename)
      .catch(setFailed)
      .finally(() => setBusy(false));
  };
  return { start, busy, failed };
}

/** An address with the filters that are set as its query (those undefined are left out). */
export function withQuery(path: string, filters: Record<string, string | number | boolean | undefined>): string {
  const given = Object.entries(filters).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]]));
  return `${path}?${new URLSearchParams(given)}`;
}
