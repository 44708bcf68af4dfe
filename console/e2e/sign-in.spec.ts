import { expect, test } from '@playwright/test';
import { signInThroughKeycloak } from '../scripts/browser.mjs';
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

test('a request riding on the session cookie must carry the CSRF token; the cookie never reaches the services', async ({ page }) => {
  await signIn(page, 'camranh-operator', '/');
  const forged = await page.request.post('/api/v1/notifications/read', { headers: { Accept: 'application/json' } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).type).toBe('https://canhgac.vn/problems/csrf');
  const wrong = await page.request.post('/api/v1/notifications/read', { headers: { 'X-CSRF-Token': 'not-the-token' } });
  expect(wrong.status()).toBe(403);
  const session = await (await page.request.get('/session')).json();
  const genuine = await page.request.post('/api/v1/notifications/read', { headers: { 'X-CSRF-Token': session.csrfToken } });
  expect(genuine.status()).toBeLessThan(300);
  // Reading needs no token, and the API answers as it would to a bearer token of the same person.
  const read = await page.request.get('/api/v1/exposures?limit=1');
  expect(read.status()).toBe(200);
});

test('a link from a notification e-mail opens its screen after signing in', async ({ page }) => {
  await signInThroughKeycloak(page, '/duty?window=T%E1%BA%BFt', 'khanhhoa-coordinator');
  await expect(page).toHaveURL(/\/duty\?window=/);
  await expect(page.getByRole('heading', { name: 'Lịch trực 24/7' })).toBeVisible();
});
