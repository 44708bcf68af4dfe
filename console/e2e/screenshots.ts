import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../../docs/console/', import.meta.url));

/** Screenshots of the main screens for the README (docs/console), taken by the tests that reach them when
 * CANHGAC_SCREENSHOTS=true (./canhgac console test, with the platform and its demo data up). */
export async function shoot(page: Page, name: string) {
  if (process.env.CANHGAC_SCREENSHOTS !== 'true') return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${folder}${name}.png`, fullPage: false });
}
