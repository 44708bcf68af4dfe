// Debian's Chromium as every browser run of the console starts it (the tests, the Lighthouse and timing scripts),
// and the sign-in through Keycloak's real login page that each of them does first.

/** Never a browser Playwright downloads: this network has no download site for it. */
export const chromiumPath = process.env.CANHGAC_CHROMIUM ?? '/usr/bin/chromium';

/** Without the background-networking flags, Chromium keeps calling hosts this closed network refuses. */
export const chromiumArgs = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

/** From the console's own sign-in button through Keycloak's form; the page is at `url` (its landing page) first. */
export async function signInThroughKeycloak(page, url, person) {
    await page.goto(url);
    await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
    await page.locator('#username').fill(person);
    await page.locator('#password').fill(process.env.CANHGAC_DEMO_PASSWORD ?? 'canhgac-demo');
    await page.locator('#kc-login').click();
}
