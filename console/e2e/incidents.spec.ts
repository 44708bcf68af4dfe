import { expect, test } from '@playwright/test';
import { unique } from './api';
import { signIn, signOut } from './people';
import { shoot } from './screenshots';

test('an incident reported by Cam Ranh, escalated to NCSC, is seen by the national centre', async ({ page }) => {
  const title = `Trang tin điện tử bị thay đổi giao diện ${unique()}`;
  await signIn(page, 'camranh-operator', '/incidents');
  await page.getByRole('button', { name: 'Báo cáo sự cố' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Tiêu đề').fill(title);
  await form.getByRole('combobox', { name: 'Loại sự cố' }).click();
  await page.getByRole('option', { name: 'Thay đổi giao diện' }).click();
  await form.getByLabel('Mô tả').fill('Trang chủ cổng thông tin bị thay bằng nội dung lạ lúc 02:10.');
  await form.getByLabel('Điện thoại').fill('0258 3854 000');
  await form.getByLabel('Dấu hiệu (IP, tên miền, URL, mã băm)').fill('185.220.101.4\nhttp://portal.camranh.khanhhoa.gov.vn/index.php');
  await form.getByRole('button', { name: 'Báo cáo sự cố' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(title) })).toBeVisible();
  await page.getByRole('button', { name: 'Chuyển lên NCSC' }).click();
  await expect(page.getByText('Đã báo cáo lên NCSC.')).toBeVisible();
  await shoot(page, 'incident');
  await signOut(page);

  await signIn(page, 'authority', '/incidents');
  await page.getByLabel('Tìm kiếm').fill(title);
  await page.getByLabel('Tìm kiếm').press('Enter');
  await page
    .getByRole('row', { name: new RegExp(title) })
    .getByRole('link')
    .click();
  await expect(page.getByText('Đã báo cáo lên NCSC').first()).toBeVisible();
});
