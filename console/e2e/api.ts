import type { Person } from './people';

/** Setting the scene through the API, with a bearer token of the CLI client, as another agency's system would. */
const keycloak = process.env.CANHGAC_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const gateway = process.env.CANHGAC_CONSOLE_URL ?? 'http://127.0.0.1:8080';

export async function tokenOf(person: Person): Promise<string> {
  const response = await fetch(`${keycloak}/realms/canhgac/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'canhgac-cli',
      username: person,
      password: process.env.CANHGAC_DEMO_PASSWORD ?? 'canhgac-demo',
    }),
  });
  if (!response.ok) throw new Error(`No token for ${person}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function call<T>(person: Person, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(gateway + path, {
    method,
    headers: { Authorization: `Bearer ${await tokenOf(person)}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export const unique = () => Date.now().toString(36).toUpperCase();
