import { expect, test } from '@playwright/test';
import { call, unique } from './api';
import { signIn, signOut } from './people';
import { shoot } from './screenshots';

test('the Khánh Hòa coordinator forwards a national directive to Cam Ranh, which acknowledges and reports; the coordinator sees the compiled report', async ({
  page,
}) => {
  const run = unique();
  const national = `6410-E2E-${run}/BTTTT-CATTT`;
  const provincial = `839-E2E-${run}/STTTT`;
  const issued = await call<{ id: string }>('authority', 'POST', '/api/v1/directives', {
    reference: national,
    subject: 'Tăng cường bảo đảm an toàn thông tin mạng dịp Tết',
    recipients: ['STTTT-KH'],
    reportDueOn: '2099-01-31',
    items: [
      { code: '1', text: 'Rà soát, khắc phục các lỗ hổng đã được cảnh báo' },
      { code: '2', text: 'Bố trí trực 24/7 trong dịp Tết' },
    ],
    alertWindows: [{ name: `Tết ${run}`, startsOn: '2099-01-20', endsOn: '2099-01-30' }],
  });

  await signIn(page, 'khanhhoa-coordinator', `/directives/${issued.id}`);
  await expect(page.getByRole('heading', { name: national })).toBeVisible();
  await page.getByLabel('Số, ký hiệu').fill(provincial);
  await page.getByLabel('Hạn báo cáo').fill('2099-01-25');
  await page.getByLabel('Đơn vị nhận (mã, cách nhau bởi dấu phẩy)').fill('UBND-CAMRANH');
  await page.getByLabel('Nhiệm vụ bổ sung (mỗi dòng một nhiệm vụ)').fill('Báo cáo kết quả rà soát về Sở trước ngày 25/01');
  await page.getByRole('button', { name: 'Chuyển tiếp xuống đơn vị trực thuộc' }).click();
  await expect(page.getByText(new RegExp(`Đã chuyển tiếp.*${provincial}`)).first()).toBeVisible();
  await signOut(page);

  await signIn(page, 'camranh-operator', '/');
  const awaiting = page.locator('.mantine-Card-root').filter({ hasText: 'Chỉ đạo chờ xác nhận hoặc báo cáo' });
  await expect(awaiting.getByRole('link', { name: new RegExp(provincial) })).toBeVisible();
  await page.goto('/directives');
  await page.getByText('Chờ trả lời', { exact: true }).click();
  await expect(page).toHaveURL(/box=awaiting/);
  await page.getByRole('link', { name: provincial }).click();
  await expect(page.getByText('Báo cáo kết quả rà soát về Sở trước ngày 25/01')).toBeVisible();
  await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
  await expect(page.getByText('Đơn vị đã xác nhận đã nhận văn bản.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Nhiệm vụ 1' }).click();
  await page.getByRole('option', { name: 'Đã hoàn thành' }).click();
  await page.getByRole('combobox', { name: 'Nhiệm vụ 3' }).click();
  await page.getByRole('option', { name: 'Đang thực hiện' }).click();
  await page.getByLabel('Nội dung báo cáo chung').fill('Đã vá 2/3 máy chủ; máy chủ thư điện tử vá trong tuần.');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByText('Đã gửi báo cáo.')).toBeVisible();
  await page.goto('/');
  await expect(awaiting).toBeVisible();
  await expect(awaiting.getByRole('link', { name: new RegExp(provincial) })).toHaveCount(0);
  await page.goto('/directives?box=awaiting');
  // Loaded (rows or the empty box), and the reported directive is not among them.
  await expect(page.getByRole('table').or(page.getByText('Không có chỉ đạo nào đang chờ.'))).toBeVisible();
  await expect(page.getByRole('link', { name: provincial })).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'khanhhoa-coordinator', '/directives');
  await page.getByText('Văn bản đi', { exact: true }).click();
  await page.getByRole('link', { name: provincial }).click();
  const camranh = page.getByTestId('recipient-UBND-CAMRANH');
  await expect(camranh).toContainText('Đã vá 2/3 máy chủ');
  await expect(camranh).toContainText('1: Đã hoàn thành');
  await shoot(page, 'directive-compiled-report');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải xuống CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
});

test('a coordinator issues a directive of its own from the console; a bad one shows why next to the field', async ({ page }) => {
  const reference = `${unique()}/STTTT-KH`;
  await signIn(page, 'khanhhoa-coordinator', '/directives');
  await page.getByRole('button', { name: 'Ban hành văn bản chỉ đạo' }).click();
  await page.getByLabel('Số, ký hiệu').fill(reference);
  await page.getByLabel('Trích yếu').fill('Rà soát máy chủ thư điện tử Zimbra');
  await page.getByLabel('Hạn báo cáo').fill('2099-03-01');
  await page.getByLabel('Đơn vị nhận (mã, cách nhau bởi dấu phẩy)').fill('NHTM-A');
  await page.getByLabel('Nhiệm vụ (mỗi dòng một nhiệm vụ)').fill('Cập nhật bản vá Zimbra 8.8.15 Patch 41');
  await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
  // The bank is not in Khánh Hòa's subtree: refused, nothing issued.
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText('Đã ban hành')).toHaveCount(0);
  await page.getByLabel('Đơn vị nhận (mã, cách nhau bởi dấu phẩy)').fill('UBND-CAMRANH');
  await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
  await expect(page.getByText('Đã ban hành')).toBeVisible();
  await page.getByRole('link', { name: reference }).first().click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
  await expect(page.getByTestId('recipient-UBND-CAMRANH')).toContainText('Chưa trả lời');
});
