import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { signIn } from './people';

// Last of the suite (zz-): it stops the identity provider that every other test signs in through.
const canhgac = fileURLToPath(new URL('../../canhgac', import.meta.url));
const run = (...args: string[]) => execFileSync(canhgac, args, { stdio: 'inherit', timeout: 120_000 });

test('with Keycloak down, open sessions go on, signing in says why and recovers by itself', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'camranh-operator', '/exposures');
  run('keycloak', 'stop');
  try {
    // The session's tokens are in its cookie: reading goes on without Keycloak.
    await page.reload();
    await expect(page.getByRole('table', { name: 'Điểm yếu, lỗ hổng và IP nhiễm mã độc' })).toBeVisible();

    // The gateway remembers for 5 seconds that Keycloak answered: until that lapses, signing in still goes there.
    const stranger = await browser.newPage();
    await expect(async () => {
      await stranger.goto('/login?next=/');
      await expect(stranger.getByRole('heading', { name: 'Chưa đăng nhập được' })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    run('keycloak', 'start');
    // The page tries again by itself every 15 seconds; the gateway asks Keycloak at most every 5.
    await expect(stranger.locator('#username')).toBeVisible({ timeout: 60_000 });
    await stranger.close();
  } finally {
    run('keycloak', 'start');
  }
});
