import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { call, unique } from './api';
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

test('an asset’s products replaced by a CycloneDX SBOM, and what they expose, in its drawer', async ({ page }) => {
  const hostname = `app-${unique().toLowerCase()}.camranh.khanhhoa.gov.vn`;
  await call('camranh-operator', 'POST', '/api/v1/assets', {
    organizationCode: 'UBND-CAMRANH',
    hostname,
    kind: 'SERVER',
    addresses: ['203.162.10.77'],
    products: [{ vendor: 'nginx', product: 'nginx', version: '1.24.0' }],
  });
  await signIn(page, 'camranh-operator', '/inventory');
  await page.getByLabel('Tìm kiếm').fill(hostname);
  await page.getByLabel('Tìm kiếm').press('Enter');
  await page.getByRole('button', { name: hostname }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('heading', { name: 'Phần mềm' })).toBeVisible();
  const sbom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    version: 1,
    metadata: { component: { type: 'operating-system', name: 'Rocky Linux', version: '8.9' } },
    components: [
      { type: 'application', name: 'nginx', version: '1.24.0', cpe: 'cpe:2.3:a:f5:nginx:1.24.0:*:*:*:*:*:*:*' },
      { type: 'library', name: 'log4j-core', version: '2.14.1', purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1' },
    ],
  };
  const chooser = page.waitForEvent('filechooser');
  await drawer.getByRole('button', { name: 'Thay danh sách phần mềm bằng SBOM CycloneDX' }).click();
  await (await chooser).setFiles({ name: 'bom.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sbom)) });
  await expect(drawer.getByText(/Đã cập nhật phần mềm theo SBOM/)).toBeVisible();
  await expect(drawer).toContainText('log4j-core');
  await page.keyboard.press('Escape');
  // Found by what it runs: the product's name, in any case; not by a product it does not run.
  await page.getByLabel('Phần mềm cài đặt').fill('LOG4J-CORE');
  await page.getByLabel('Phần mềm cài đặt').press('Enter');
  await expect(page.getByRole('button', { name: hostname })).toBeVisible();
  await page.getByLabel('Phần mềm cài đặt').fill('openssl');
  await page.getByLabel('Phần mềm cài đặt').press('Enter');
  await expect(page.getByText('Chưa có tài sản nào')).toBeVisible();
});

test('an agency downloads the assets it searched for, in the columns an import reads, and imports the file again', async ({ page }) => {
  const run = unique().toLowerCase();
  await signIn(page, 'camranh-operator', '/inventory');
  const original = [
    'organization,external_id,hostname,kind,addresses,products',
    `UBND-CAMRANH,CR-${run},mail-${run}.camranh.khanhhoa.gov.vn,server,203.162.10.98,Synacor|Zimbra Collaboration|8.8.15`,
  ].join('\n');
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(original) });
  await expect(page.getByText('Đã nhập 1 dòng: thêm 1, cập nhật 0, bỏ qua 0.')).toBeVisible();
  await page.getByLabel('Tìm kiếm').fill(`mail-${run}`);
  await page.getByLabel('Tìm kiếm').press('Enter');
  await expect(page.getByText(`mail-${run}.camranh.khanhhoa.gov.vn`)).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải xuống CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^assets-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await file.path(), 'utf8');
  const lines = text.split('\r\n').filter((line) => line);
  expect(lines[0]).toBe('\uFEFForganization,external_id,hostname,kind,operating_system,system_id,last_seen,addresses,products');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`UBND-CAMRANH,CR-${run},mail-${run}.camranh.khanhhoa.gov.vn,server,`);
  expect(lines[1]).toContain('203.162.10.98,Synacor|Zimbra Collaboration|8.8.15||');

  // The downloaded file, imported as it is, updates the asset it came from and creates nothing.
  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: readFileSync(await file.path()) });
  await expect(page.getByText('Đã nhập 1 dòng: thêm 0, cập nhật 1, bỏ qua 0.')).toBeVisible();
  const assets = await call<{ items: { version: number }[] }>('camranh-operator', 'GET', `/api/v1/assets?q=mail-${run}`);
  expect(assets.items).toHaveLength(1);
  expect(assets.items[0].version).toBe(1);
});
