import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useCan } from '../session';
import { NewDirective } from './NewDirective';
import { DueBadge } from '../ui/Badges';
import { MoreButton, usePaged } from '../ui/Paged';
import { Empty, QueryView } from '../ui/States';

const BOXES = ['inbox', 'awaiting', 'sent', 'all'] as const;
type Box = (typeof BOXES)[number];
const API_BOX = { inbox: 'RECEIVED', awaiting: 'AWAITING', sent: 'SENT', all: undefined } as const;

export default function DirectivesPage() {
  const { t, date } = useI18n();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const box = (BOXES as readonly string[]).includes(params.get('box') ?? '') ? (params.get('box') as Box) : 'inbox';
  const [writing, setWriting] = useState(false);
  // Each box is asked of the API: filtered here, a page of everything in scope hid what it did not hold.
  const directives = usePaged(['directives', 'box', box], (after) =>
    unwrap(api.GET('/api/v1/directives', { params: { query: { box: API_BOX[box], after, limit: 100 } } })),
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('directivesTitle')}</Title>
        <Group>
          {can('POST /api/v1/directives') && !writing && <Button onClick={() => setWriting(true)}>{t('newDirective')}</Button>}
          <SegmentedControl
            value={box}
            onChange={(v) => setParams({ box: v }, { replace: true })}
            data={[
              { value: 'inbox', label: t('inbox') },
              { value: 'awaiting', label: t('awaitingAnswer') },
              { value: 'sent', label: t('sent') },
              { value: 'all', label: t('allInScope') },
            ]}
          />
        </Group>
      </Group>
      {writing && <NewDirective onClose={() => setWriting(false)} />}
      <QueryView query={directives}>
        {() => {
          const rows = directives.rows;
          if (!rows.length) return <Empty>{t(box === 'awaiting' ? 'noDirectivesAwaiting' : 'noDirectives')}</Empty>;
          return (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reference')}</Table.Th>
                      <Table.Th>{t('subject')}</Table.Th>
                      <Table.Th>{t('issuer')}</Table.Th>
                      <Table.Th>{t('issuedOn')}</Table.Th>
                      <Table.Th>{t('reportDueOn')}</Table.Th>
                      {box !== 'inbox' && box !== 'awaiting' && <Table.Th>{t('reported')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/directives/${d.id}`} fw={600}>
                            {d.reference}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text lineClamp={2} size="sm">
                            {d.subject}
                          </Text>
                        </Table.Td>
                        <Table.Td>{d.issuerCode}</Table.Td>
                        <Table.Td>{date(d.issuedOn)}</Table.Td>
                        <Table.Td>
                          <DueBadge dueOn={d.reportDueOn} />
                        </Table.Td>
                        {box !== 'inbox' && box !== 'awaiting' && (
                          <Table.Td>
                            {d.reported}/{d.recipients}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <MoreButton list={directives} />
            </>
          );
        }}
      </QueryView>
    </Stack>
  );
}
