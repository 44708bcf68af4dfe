// How long the overview takes to be usable: from navigation until every card shows its figures (not a spinner),
// signed in through Keycloak: node scripts/overview-timing.mjs GATEWAY [PERSON] [RUNS]
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, signInThroughKeycloak } from './browser.mjs';

const [gateway = 'http://127.0.0.1:8080', person = 'khanhhoa-coordinator', runs = '5'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
await signInThroughKeycloak(page, gateway + '/', person);
await page.getByTestId('who').waitFor();

const timings = [];
for (let i = 0; i < Number(runs); i++) {
    await page.goto(gateway + '/', { waitUntil: 'commit' });
    // Usable: the summary table, the severity bars and the incident counts are drawn, and no card is still loading.
    await page.getByTestId('incidents-HIGH').waitFor();
    await page.locator('[data-testid^="summary-"]').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const ms = await page.evaluate(() => performance.now());
    timings.push(Math.round(ms));
}
const rows = await page.locator('[data-testid^="summary-"]').count();
console.log(`overview usable after ${timings.join(', ')} ms (${rows} child organisations listed)`);
await browser.close();
