import { Anchor, Card, Grid, Stack, Text, TextInput, Title, Tree, type TreeNodeData } from '@mantine/core';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { fold, useI18n } from '../i18n/i18n';
import { useEveryPage } from '../ui/Paged';
import { Loading, QueryView } from '../ui/States';

type Organization = components['schemas']['OrganizationDetails'];

/** The caller's subtree as a tree; the search folds diacritics ("khanh hoa" finds "Khánh Hòa"). */
export function OrganizationsTab() {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  // A tree needs every organisation: a national caller's subtree is more than a page.
  const organizations = useEveryPage(['organizations'], (after) =>
    unwrap(api.GET('/api/v1/organizations', { params: { query: { after, limit: 500 } } })),
  );
  const all = useMemo(() => organizations.data?.pages.flatMap((p) => p.items ?? []) ?? [], [organizations.data]);
  const tree = useMemo(() => buildTree(all, fold(filter)), [all, filter]);
  const chosen = all.find((o) => o.code === selected);
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack>
          <TextInput label={t('search')} description={t('searchHint')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          <QueryView query={organizations}>
            {() =>
              // A part of the tree would show children as roots until their parents' page arrives.
              organizations.hasNextPage ? (
                <Loading />
              ) : (
                <Tree
                  data={tree}
                  levelOffset={18}
                  expandOnClick
                  renderNode={({ node, elementProps, hasChildren, expanded }) => (
                    <div {...elementProps} onClick={(e) => (elementProps.onClick(e), setSelected(node.value))}>
                      <Text size="sm" fw={node.value === selected ? 700 : 400}>
                        {hasChildren ? (expanded ? '▾ ' : '▸ ') : '  '}
                        {node.label}
                      </Text>
                    </div>
                  )}
                />
              )
            }
          </QueryView>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>{chosen && <OrganizationCard organization={chosen} />}</Grid.Col>
    </Grid>
  );
}

function buildTree(all: Organization[], needle: string): TreeNodeData[] {
  const codes = new Set(all.map((o) => o.code));
  const byParent = new Map<string | undefined, Organization[]>();
  for (const o of all) {
    const parent = o.parentCode && codes.has(o.parentCode) ? o.parentCode : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), o]);
  }
  const node = (o: Organization): TreeNodeData | null => {
    const children = (byParent.get(o.code) ?? []).map(node).filter((n): n is TreeNodeData => n !== null);
    const matches = !needle || fold(`${o.nameVi} ${o.code}`).includes(needle);
    if (!matches && children.length === 0) return null;
    return { value: o.code!, label: `${o.nameVi} (${o.code})`, children };
  };
  return (byParent.get(undefined) ?? []).map(node).filter((n): n is TreeNodeData => n !== null);
}

function OrganizationCard({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  return (
    <Card withBorder>
      <Title order={3} size="h4">
        {organization.nameVi}
      </Title>
      <Text size="sm" c="dimmed">
        {organization.code} · {organization.kind}
      </Text>
      <Title order={4} size="h5" mt="sm">
        {t('contacts')}
      </Title>
      {(organization.contacts ?? []).map((c) => (
        <Text size="sm" key={`${c.name}-${c.email}`}>
          {c.name} {c.role && `· ${c.role}`} · <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor> · {c.email}
        </Text>
      ))}
      <Title order={4} size="h5" mt="sm">
        {t('constituency')}
      </Title>
      <Text size="sm">
        {[...(organization.constituency?.networks ?? []), ...(organization.constituency?.asns ?? []).map((a) => `AS${a}`)].join(', ') ||
          t('none')}
      </Text>
    </Card>
  );
}
