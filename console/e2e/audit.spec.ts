import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { call, unique } from './api';
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

test('the province’s auditor reads who changed the duty roster in its trail', async ({ page }) => {
  const person = `Trực ${unique()}`;
  const shift = await call<{ id: string }>('khanhhoa-coordinator', 'POST', '/api/v1/duty/shifts', {
    organization: 'UBND-CAMRANH',
    person,
    phone: '0258 3822 111',
    from: '2035-02-01T08:00:00',
    to: '2035-02-01T20:00:00',
  });
  await call('khanhhoa-coordinator', 'DELETE', `/api/v1/duty/shifts/${shift.id}`);

  await signIn(page, 'khanhhoa-auditor', '/audit');
  await page.getByRole('radiogroup', { name: 'Sổ' }).getByText('Lịch trực').click();
  await page.getByLabel('ID').fill(shift.id);
  await page.getByLabel('ID').press('Enter');
  const table = page.getByRole('table', { name: 'Nhật ký thay đổi' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Xoá');
  await expect(table.getByRole('row').nth(2)).toContainText('Tạo');
  await expect(table.getByRole('row').nth(2)).toContainText('khanhhoa-coordinator');
  await table.getByRole('row').nth(2).getByRole('button', { name: 'Xem thay đổi' }).click();
  await expect(table.getByRole('row').nth(2)).toContainText(person);

  // The same two entries as a file for an inspection.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải xuống CSV' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^audit-incident-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(',DELETED,duty-shift,');
  expect(lines[2]).toContain(',CREATED,duty-shift,');
});
