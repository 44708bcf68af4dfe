// How long the overview takes to be usable: from navigation until every card shows its figures (not a spinner),
// signed in through Keycloak: node scripts/overview-timing.mjs GATEWAY [PERSON] [RUNS]
import { chromium } from '@playwright/test';

const [gateway = 'http://127.0.0.1:8080', person = 'khanhhoa-coordinator', runs = '5'] = process.argv.slice(2);
const browser = await chromium.launch({
    executablePath: process.env.CANHGAC_CHROMIUM ?? '/usr/bin/chromium',
    args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
    ],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
await page.goto(gateway + '/');
await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
await page.locator('#username').fill(person);
await page.locator('#password').fill(process.env.CANHGAC_DEMO_PASSWORD ?? 'canhgac-demo');
await page.locator('#kc-login').click();
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
