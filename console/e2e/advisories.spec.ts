import { expect, test } from '@playwright/test';
import { call, unique } from './api';
import { signIn } from './people';
import { shoot } from './screenshots';

test('the Authority publishes an advisory and sees which organisations it hit', async ({ page }) => {
  const reference = `${unique()}/CATTT-NCSC`;
  await signIn(page, 'authority', '/advisories');
  await page.getByLabel('Số, ký hiệu').fill(reference);
  await page.getByLabel('Tiêu đề').fill('Lỗ hổng thực thi mã từ xa trong Liferay Portal');
  await page.getByLabel('Hãng').fill('Liferay');
  await page.getByRole('textbox', { name: 'Sản phẩm' }).fill('Liferay Portal');
  await page.getByLabel('Từ phiên bản').fill('7.4.0');
  await page.getByLabel('Phiên bản đã vá').fill('7.4.4');
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await expect(page.getByText(new RegExp(`Đã công bố ${reference}: phát hiện [1-9]\\d* điểm yếu`))).toBeVisible();
  await page.getByRole('button', { name: reference }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('link', { name: 'UBND-CAMRANH' })).toBeVisible();
  await shoot(page, 'advisory');
  await drawer.getByRole('link', { name: 'UBND-CAMRANH' }).click();
  await expect(page).toHaveURL(/\/exposures\?advisoryId=.*organization=UBND-CAMRANH/);
  await expect(page.getByRole('table', { name: 'Điểm yếu, lỗ hổng và IP nhiễm mã độc' })).toContainText(reference);
});

test('a bad advisory is refused with the reason next to the field, and nothing is published', async ({ page }) => {
  await signIn(page, 'authority', '/advisories');
  await page.getByLabel('Số, ký hiệu').fill(`${unique()}/CATTT-NCSC`);
  await page.getByLabel('Tiêu đề').fill('Phiên bản sai');
  await page.getByRole('textbox', { name: 'Sản phẩm' }).fill('Liferay Portal');
  await page.getByLabel('Hạn xử lý').fill('2000-01-01');
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  // Next to the field, in Vietnamese, from the API's problem document.
  await expect(page.getByText(/hạn xử lý 2000-01-01 sớm hơn ngày ban hành/).first()).toBeVisible();
  await expect(page.getByText(/Đã công bố/)).toHaveCount(0);
});

test('the Authority withdraws a botnet list published by mistake, and the list says so', async ({ page }) => {
  const reference = `${unique()}/BOTNET-NHAM`;
  await call('authority', 'POST', `/api/v1/botnet-lists?reference=${encodeURIComponent(reference)}`, [
    { ip_address: '45.79.19.196', malware: 'Mirai' },
  ]);
  await signIn(page, 'authority', '/advisories');
  await page.getByRole('tab', { name: 'Danh sách IP botnet' }).click();
  const row = page.getByRole('row').filter({ hasText: reference });
  await row.getByRole('button', { name: 'Thu hồi' }).click();
  const dialog = page.getByRole('dialog', { name: `Thu hồi ${reference}` });
  const confirm = dialog.getByRole('button', { name: 'Thu hồi' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Lý do thu hồi').fill('Công bố nhầm danh sách của tháng trước');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText('Đã thu hồi')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Thu hồi' })).toHaveCount(0);
});

test('the Authority withdraws an advisory, and its page says when, by whom and why', async ({ page }) => {
  const reference = `${unique()}/CATTT-NHAM`;
  await call('authority', 'POST', '/api/v1/advisories', {
    reference,
    issuer: 'NCSC',
    issuedOn: '2026-01-05',
    title: 'Cảnh báo ban hành nhầm',
    severity: 'LOW',
    affected: [{ vendor: 'Acme', product: `Portal ${reference}`, versionExact: '1.0' }],
  });
  await signIn(page, 'authority', '/advisories');
  await page.getByRole('button', { name: reference }).click();
  const drawer = page.getByRole('dialog', { name: 'Cảnh báo lỗ hổng' });
  await drawer.getByRole('button', { name: 'Thu hồi' }).click();
  const dialog = page.getByRole('dialog', { name: `Thu hồi ${reference}` });
  await dialog.getByLabel('Lý do thu hồi').fill('Sai sản phẩm');
  await dialog.getByRole('button', { name: 'Thu hồi' }).click();
  await expect(dialog).toBeHidden();
  await expect(drawer.getByText(/Thu hồi lúc .* bởi authority: Sai sản phẩm/)).toBeVisible();
  await expect(drawer.getByText('WITHDRAWN')).toBeVisible();
});
