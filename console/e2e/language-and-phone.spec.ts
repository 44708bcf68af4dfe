import { expect, test } from '@playwright/test';
import { signIn } from './people';
import { shoot } from './screenshots';

test('Vietnamese first, English one click away, remembered', async ({ page }) => {
  await signIn(page, 'khanhhoa-coordinator', '/');
  await expect(page.getByRole('link', { name: 'Tổng quan' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Overview' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await shoot(page, 'overview-en');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the duty officer’s first screen: who is on duty, what is overdue, open incidents; the menu folds away', async ({ page }) => {
    await signIn(page, 'camranh-operator', '/');
    await expect(page.getByRole('heading', { name: 'Đang trực' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Điểm yếu, lỗ hổng theo đơn vị' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sự cố đang xử lý' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Lịch trực' })).not.toBeInViewport();
    await page.getByRole('button', { name: 'Trình đơn' }).click();
    await page.getByRole('link', { name: 'Lịch trực' }).click();
    await expect(page.getByRole('heading', { name: 'Lịch trực 24/7' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.goto('/');
    await shoot(page, 'phone-overview');
  });
});

test('installable as an app: Chromium finds nothing missing in the manifest and service worker', async ({ page }) => {
  await signIn(page, 'camranh-operator', '/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  const cdp = await page.context().newCDPSession(page);
  await expect(async () => {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's browser contexts are incognito ones, where Chromium never installs anything: that one is ours.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  }).toPass({ timeout: 15_000 });
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.lang).toBe('vi');
});
