import { Button } from '@mantine/core';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Freshness } from './AsOf';

interface Page<T> {
  items?: T[];
  next?: string;
  /** How fresh the list is, when it is built from a read model (its first page's headers). */
  freshness?: Freshness;
}

/**
 * A keyset-paged list of the API (`limit`, `after`, `next`), read a page at a time: the rows read so far, and
 * `more` to show the next page's button.
 */
export function usePaged<T>(key: QueryKey, page: (after: string | undefined) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey: key,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => page(pageParam),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = query.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return { ...query, rows };
}

/** Every page of a list, read one after the other, for a view that needs the whole list (a tree). */
export function useEveryPage<T>(key: QueryKey, page: (after: string | undefined) => Promise<Page<T>>) {
  const list = usePaged(key, page);
  const { hasNextPage, isFetching, isFetchNextPageError, fetchNextPage } = list;
  // Not while anything is fetched: fetchNextPage would cancel a refetch under way.
  useEffect(() => {
    if (hasNextPage && !isFetching && !isFetchNextPageError) fetchNextPage();
  }, [hasNextPage, isFetching, isFetchNextPageError, fetchNextPage]);
  return list;
}

export function MoreButton({ list }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useI18n();
  if (!list.hasNextPage) return null;
  return (
    <Button variant="light" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
      {t('more')}
    </Button>
  );
}
