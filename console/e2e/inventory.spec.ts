import { expect, test } from '@playwright/test';
import { unique } from './api';
import { signIn } from './people';
import { shoot } from './screenshots';

test('an asset file with a bad row shows that row’s error and imports nothing', async ({ page }) => {
  const run = unique().toLowerCase();
  await signIn(page, 'camranh-operator', '/inventory');
  const file = [
    'organization,hostname,kind,addresses,products',
    `UBND-CAMRANH,web-${run}-1.camranh.khanhhoa.gov.vn,server,203.162.10.99,nginx|nginx|1.24.0`,
    `UBND-CAMRANH,web-${run}-2.camranh.khanhhoa.gov.vn,server,999.1.1.1,nginx|nginx|1.24.0`,
  ].join('\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  const errors = page.getByTestId('row-errors');
  await expect(errors).toContainText('999.1.1.1');
  await expect(errors.getByRole('row').nth(1)).toContainText('2');
  await expect(page.getByText('Tệp không được nhập')).toBeVisible();
  await shoot(page, 'inventory-import-errors');
  await page.getByLabel('Tìm kiếm').fill(`web-${run}`);
  await page.getByLabel('Tìm kiếm').press('Enter');
  await expect(page.getByText('Chưa có tài sản nào')).toBeVisible();
});
