import { expect, test } from '@playwright/test';
import { signIn, signOut } from './people';

test('Cam Ranh records a protection measure; the province’s auditor sees who changed what', async ({ page }) => {
  await signIn(page, 'camranh-operator', '/inventory?tab=systems');
  await page.getByRole('table', { name: 'Hệ thống thông tin' }).getByRole('row').nth(1).click();
  const drawer = page.getByRole('dialog');
  const first = drawer.getByRole('combobox').first();
  const before = await first.inputValue();
  const target = before === 'Đã triển khai' ? 'Triển khai một phần' : 'Đã triển khai';
  await first.click();
  await page.getByRole('option', { name: target, exact: true }).click();
  await expect(first).toHaveValue(target);
  await signOut(page);

  await signIn(page, 'khanhhoa-auditor', '/audit');
  await page.getByLabel('Người thực hiện').fill('camranh-operator');
  await page.getByLabel('Người thực hiện').press('Enter');
  const row = page.getByRole('table', { name: 'Nhật ký thay đổi' }).getByRole('row').nth(1);
  await expect(row).toContainText('camranh-operator');
  await row.getByRole('button', { name: 'Xem thay đổi' }).click();
  await expect(row).toContainText(/IMPLEMENTED|PARTIAL/);
  // The auditor reads; the console offers no way to change anything.
  await page.goto('/inventory?tab=systems');
  await page.getByRole('table', { name: 'Hệ thống thông tin' }).getByRole('row').nth(1).click();
  await expect(page.getByRole('dialog').getByRole('combobox')).toHaveCount(0);
});
