import { expect, test } from '@playwright/test';
import { call, unique } from './api';
import { signIn, signOut } from './people';

test('an organisation subscribes a webhook, sees its secret once, and sets who is told what; the operator may not', async ({ page }) => {
  await signIn(page, 'khanhhoa-coordinator', '/notifications?tab=webhooks');
  await page.getByLabel('URL').fill('http://127.0.0.1:9/canhgac-e2e');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByTestId('webhook-secret')).toContainText('whsec_');
  await page.getByRole('link', { name: 'http://127.0.0.1:9/canhgac-e2e' }).first().click();
  await expect(page).toHaveURL(/\/webhooks\//);
  await expect(page.getByRole('button', { name: 'Đổi khóa bí mật' })).toBeVisible();
  // Nothing of this test stays behind to be retried for a day.
  await page.getByRole('button', { name: 'Xóa webhook' }).click();
  await expect(page).toHaveURL(/tab=webhooks/);
  // A private address that the operators did not allow is refused, with the reason next to the field.
  await page.goto('/notifications?tab=webhooks');
  await page.getByLabel('URL').fill('http://10.1.2.3/hook');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();

  await page.getByRole('tab', { name: 'Người nhận thông báo' }).click();
  const first = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Lưu' }) })
    .first();
  await first.getByRole('combobox', { name: 'Mức độ tối thiểu' }).click();
  await page.getByRole('option', { name: 'Cao' }).click();
  await first.getByRole('button', { name: 'Lưu' }).click();
  await expect(first.getByText('Đã lưu.')).toBeVisible();
  await signOut(page);

  // The API lets an operator read its inbox only: the console offers nothing else.
  await signIn(page, 'camranh-operator', '/notifications');
  await expect(page.getByRole('tab', { name: 'Hộp thư' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Webhook' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Người nhận thông báo' })).toHaveCount(0);
});

test('a directive is in the inbox of the agency it was sent to, worded as its e-mail is', async ({ page }) => {
  const reference = `${unique()}/CATTT-INBOX`;
  await call('authority', 'POST', '/api/v1/directives', {
    reference,
    subject: 'Rà soát mã độc trên máy chủ thư',
    issuedOn: '2026-12-01',
    recipients: ['UBND-CAMRANH'],
  });
  await signIn(page, 'camranh-operator', '/notifications');
  const title = page.getByText(`Văn bản chỉ đạo ${reference}: Rà soát mã độc trên máy chủ thư`);
  await expect(async () => {
    await page.reload();
    await expect(title).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
});
