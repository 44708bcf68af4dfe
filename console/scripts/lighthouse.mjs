// Lighthouse on the console's overview and exposures list, signed in through Keycloak as a coordinator:
// node scripts/lighthouse.mjs [gateway] [person]. Prints the four scores, time to interactive and the initial
// JavaScript (the page's script and the chunks it preloads), gzipped.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath, signInThroughKeycloak } from './browser.mjs';
import lighthouse from 'lighthouse';
import { gzipSync } from 'node:zlib';

const gateway = process.argv[2] ?? 'http://127.0.0.1:8080';
const person = process.argv[3] ?? 'khanhhoa-coordinator';
const port = 9333;
const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [`--remote-debugging-port=${port}`, ...chromiumArgs],
});
const context = await browser.newContext();
const page = await context.newPage();
await signInThroughKeycloak(page, gateway + '/', person);
await page.getByTestId('who').waitFor();
const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

const html = await (await fetch(gateway + '/')).text();
const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let initial = 0;
for (const script of new Set(scripts)) initial += gzipSync(Buffer.from(await (await fetch(gateway + script)).arrayBuffer())).length;
console.log(`initial JavaScript: ${(initial / 1024).toFixed(1)} KiB gzipped (${scripts.length} files)`);

for (const path of ['/', '/exposures']) {
    const result = await lighthouse(gateway + path, {
        port,
        output: 'json',
        logLevel: 'error',
        extraHeaders: { Cookie: cookie },
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        formFactor: 'desktop',
        screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
        throttlingMethod: 'provided',
    });
    const { categories, audits } = result.lhr;
    const score = (name) => Math.round((categories[name]?.score ?? 0) * 100);
    console.log(
        `${path}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, ` +
            `SEO ${score('seo')}; first contentful paint ${audits['first-contentful-paint'].displayValue}, ` +
            `largest ${audits['largest-contentful-paint'].displayValue}, interactive ${audits['interactive'].displayValue}, ` +
            `total blocking ${audits['total-blocking-time'].displayValue}, layout shift ${audits['cumulative-layout-shift'].displayValue}, speed index ${audits['speed-index'].displayValue}`,
    );
    for (const [id, audit] of Object.entries(audits)) {
        if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary') {
            console.log(`  failed: ${id} — ${audit.title}`);
            for (const item of (audit.details?.items ?? []).slice(0, 5)) {
                if (item.node) console.log(`    ${item.node.snippet} ${item.node.explanation?.split('\n')[1] ?? ''}`);
            }
        }
    }
}
await browser.close();
