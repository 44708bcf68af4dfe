import { expect, type Page } from '@playwright/test';

/** The demo realm's people (local/keycloak/canhgac-realm.json); every one's password is the demo password. */
export type Person = 'authority' | 'khanhhoa-coordinator' | 'khanhhoa-ubnd' | 'camranh-operator' | 'bank-admin' | 'khanhhoa-auditor';

/** Signs in through Keycloak's real login page, as a person would, and waits for the console. */
export async function signIn(page: Page, person: Person, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.locator('#username').fill(person);
  await page.locator('#password').fill(process.env.CANHGAC_DEMO_PASSWORD ?? 'canhgac-demo');
  await page.locator('#kc-login').click();
  await expect(page.getByTestId('who')).toContainText(organizationOf[person]);
}

export const organizationOf: Record<Person, string> = {
  authority: 'CATTT',
  'khanhhoa-coordinator': 'STTTT-KH',
  'khanhhoa-ubnd': 'UBND-KH',
  'camranh-operator': 'UBND-CAMRANH',
  'bank-admin': 'NHTM-A',
  'khanhhoa-auditor': 'UBND-KH',
};

export async function signOut(page: Page) {
  await page.goto('/logout');
  await expect(page.getByRole('button', { name: /Đăng nhập|Sign in/ })).toBeVisible();
}
