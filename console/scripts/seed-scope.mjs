// Seeds a province-sized scope under STTTT-KH for the console's overview benchmark:
//   node scripts/seed-scope.mjs GATEWAY KEYCLOAK RUN [ORGANIZATIONS] [ASSETS_EACH] [INCIDENTS]
// ORGANIZATIONS organisations (default 500), each with ASSETS_EACH assets (default 20) running Zimbra 8.8.15 (the demo
// advisory 2216/CATTT-NCSC matches it: one exposure each), and INCIDENTS incidents (default 1,000) reported by them.
const [gateway, keycloak, run, organizations = '500', assetsEach = '20', incidents = '1000'] = process.argv.slice(2);
const password = process.env.CANHGAC_DEMO_PASSWORD ?? 'canhgac-demo';

async function token(username) {
    const response = await fetch(`${keycloak}/realms/canhgac/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'canhgac-cli', username, password }),
    });
    return (await response.json()).access_token;
}

async function call(bearer, method, path, body, type = 'application/json') {
    const response = await fetch(gateway + path, {
        method,
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': type, Accept: 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    return response.json().catch(() => undefined);
}

/** Runs the tasks, `width` at a time. */
async function inParallel(tasks, width = 8) {
    let next = 0;
    await Promise.all(
        Array.from({ length: width }, async () => {
            while (next < tasks.length) await tasks[next++]();
        }),
    );
}

const coordinator = await token('khanhhoa-coordinator');
const codes = Array.from({ length: Number(organizations) }, (_, i) => `B${run}-${String(i).padStart(3, '0')}`);
let began = Date.now();
await inParallel(
    codes.map(
        (code, i) => () =>
            call(coordinator, 'POST', '/api/v1/organizations', {
                code,
                parentCode: 'STTTT-KH',
                kind: 'AGENCY',
                nameVi: `Đơn vị thử tải ${run} số ${i}`,
            }),
    ),
);
console.log(`organisations: ${codes.length} in ${((Date.now() - began) / 1000).toFixed(1)} s`);

// The services learn of the organisations through Kafka: assets and incidents wait until the last is known.
for (const path of ['/api/v1/exposures/organizations/', '/api/v1/duty/organizations/']) {
    for (let tries = 0; ; tries++) {
        const response = await fetch(gateway + path + codes.at(-1), { headers: { Authorization: `Bearer ${coordinator}` } });
        if (response.ok) break;
        if (tries > 300) throw new Error(`${codes.at(-1)} never reached ${path}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

began = Date.now();
const rows = ['organization,external_id,hostname,kind,operating_system,addresses,products'];
codes.forEach((code, o) => {
    for (let a = 0; a < Number(assetsEach); a++) {
        const n = o * Number(assetsEach) + a;
        rows.push(
            `${code},${code}-${a},mail-${a}.${code.toLowerCase()}.example.gov.vn,server,Rocky Linux 8,` +
                `10.${100 + ((n >> 16) % 100)}.${(n >> 8) % 256}.${n % 256},"Synacor|Zimbra Collaboration|8.8.15"`,
        );
    }
});
const report = await call(coordinator, 'POST', '/api/v1/assets/imports?organization=STTTT-KH', rows.join('\n'), 'text/csv');
console.log(`assets: ${report.created} in ${((Date.now() - began) / 1000).toFixed(1)} s`);

began = Date.now();
const severities = ['CRITICAL', 'HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW'];
await inParallel(
    Array.from(
        { length: Number(incidents) },
        (_, i) => () =>
            call(coordinator, 'POST', '/api/v1/incidents', {
                reportingOrganization: codes[i % codes.length],
                title: `Sự cố thử tải ${run} số ${i}`,
                category: 'MALWARE',
                severity: severities[i % severities.length],
                detectedAt: new Date(Date.now() - i * 60_000).toISOString(),
            }),
    ),
);
console.log(`incidents: ${incidents} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
