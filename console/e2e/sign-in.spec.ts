import { expect, test } from '@playwright/test';
import { signIn, signOut } from './people';

test('signs in through Keycloak, keeps no token in the page, and signs out of Keycloak too', async ({ page, context }) => {
  await signIn(page, 'camranh-operator', '/exposures');
  await expect(page).toHaveURL(/\/exposures$/);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name.startsWith('q_session_console'));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toMatch(/eyJ/);
  await signOut(page);
  // The Keycloak session ended too: signing in again asks for the password.
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await expect(page.locator('#password')).toBeVisible();
});
