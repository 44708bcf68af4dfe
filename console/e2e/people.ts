import { expect, type Page } from '@playwright/test';
import { signInThroughKeycloak } from '../scripts/browser.mjs';

/** The demo realm's people (local/keycloak/canhgac-realm.json); every one's password is the demo password. */
export type Person = 'authority' | 'khanhhoa-coordinator' | 'khanhhoa-ubnd' | 'camranh-operator' | 'bank-admin' | 'khanhhoa-auditor';

/** Signs in through Keycloak's real login page, as a person would, and waits for the console. */
export async function signIn(page: Page, person: Person, path = '/') {
  await signInThroughKeycloak(page, path, person);
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
