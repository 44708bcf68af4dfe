import { expect, test } from '@playwright/test';
import { call, unique } from './api';
import { signIn } from './people';
import { shoot } from './screenshots';

test('a gap in 24/7 duty over an alert window is shown, then closed by adding a shift', async ({ page }) => {
  const run = unique();
  const window = `Tết E2E ${run}`;
  await call('authority', 'POST', '/api/v1/directives', {
    reference: `DUTY-E2E-${run}/BTTTT-CATTT`,
    subject: 'Trực 24/7 trong dịp Tết',
    recipients: ['STTTT-KH'],
    reportDueOn: '2099-02-10',
    items: [{ code: '1', text: 'Bố trí trực 24/7' }],
    alertWindows: [{ name: window, startsOn: '2099-02-01', endsOn: '2099-02-01' }],
  });
  await signIn(page, 'khanhhoa-coordinator', '/duty');
  // The window reaches the duty roster through Kafka: the page is read again until it is there.
  await expect(async () => {
    await page.reload();
    await page.getByRole('combobox', { name: 'Thời gian tăng cường' }).click();
    await page.getByRole('option', { name: new RegExp(window) }).click({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('gap').first()).toBeVisible();
  await shoot(page, 'duty-gap');
  await page.getByRole('textbox', { name: 'Người', exact: true }).fill('Nguyễn Văn Trực');
  await page.getByRole('textbox', { name: 'Điện thoại' }).fill('0905 123 456');
  await page.getByRole('textbox', { name: 'Từ', exact: true }).fill('2099-02-01T00:00');
  await page.getByRole('textbox', { name: 'Đến', exact: true }).fill('2099-02-02T00:00');
  await page.getByRole('button', { name: 'Thêm ca trực' }).click();
  await expect(page.getByText('Đã thêm ca trực.')).toBeVisible();
  await expect(page.getByText('Đủ người trực suốt thời gian này.')).toBeVisible();
});
