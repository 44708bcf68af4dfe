import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../../docs/console/', import.meta.url));

/** Screenshots of the main screens for the README, taken by the tests that reach them (docs/console). */
export async function shoot(page: Page, name: string) {
  if (process.env.CANHGAC_SCREENSHOTS === 'false') return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${folder}${name}.png`, fullPage: false });
}
