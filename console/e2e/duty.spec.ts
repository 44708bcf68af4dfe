import { expect, test } from '@playwright/test';
import { call, unique } from './api';
import { signIn } from './people';
import { shoot } from './screenshots';

test('a gap in 24/7 duty over an alert window is shown, then closed by adding a shift', async ({ page }) => {
  const run = unique();
  const window = `Tết E2E ${run}`;
  // A day of its own, far ahead, so that a platform the test ran on before has no shift on it.
  const day = new Date(Date.UTC(2100 + Math.floor(Math.random() * 80), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 27)));
  const on = day.toISOString().slice(0, 10);
  const after = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
  await call('authority', 'POST', '/api/v1/directives', {
    reference: `DUTY-E2E-${run}/BTTTT-CATTT`,
    subject: 'Trực 24/7 trong dịp Tết',
    recipients: ['STTTT-KH'],
    reportDueOn: after,
    items: [{ code: '1', text: 'Bố trí trực 24/7' }],
    alertWindows: [{ name: window, startsOn: on, endsOn: on }],
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
  await page.getByRole('textbox', { name: 'Từ', exact: true }).fill(`${on}T00:00`);
  await page.getByRole('textbox', { name: 'Đến', exact: true }).fill(`${after}T00:00`);
  await page.getByRole('button', { name: 'Thêm ca trực' }).click();
  await expect(page.getByText('Đã thêm ca trực.')).toBeVisible();
  await expect(page.getByText('Đủ người trực suốt thời gian này.')).toBeVisible();
});
