import { Tabs, Title, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { AssetsTab } from './AssetsTab';
import { OrganizationsTab } from './OrganizationsTab';
import { SystemsTab } from './SystemsTab';

export default function InventoryPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'assets';
  return (
    <Stack>
      <Title order={2}>{t('inventoryTitle')}</Title>
      <Tabs value={tab} onChange={(v) => setParams({ tab: v ?? 'assets' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="assets">{t('assets')}</Tabs.Tab>
          <Tabs.Tab value="systems">{t('systems')}</Tabs.Tab>
          <Tabs.Tab value="organizations">{t('organizations')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="assets" pt="md">
          <AssetsTab />
        </Tabs.Panel>
        <Tabs.Panel value="systems" pt="md">
          <SystemsTab />
        </Tabs.Panel>
        <Tabs.Panel value="organizations" pt="md">
          <OrganizationsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
