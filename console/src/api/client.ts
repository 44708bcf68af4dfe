import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { currentLanguage } from '../i18n/language';

/** RFC 9457 problem details, as every service and the gateway answer them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { field?: string; row?: number; message?: string }[];
  allowed?: string[];
  [key: string]: unknown;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

let csrfToken: string | undefined;
export function rememberCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Sends the user to Keycloak's login page, and back here afterwards. */
export function signIn() {
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

const SIGNED_IN_AGAIN = 'canhgac.signed-in-again-at';

/**
 * A lapsed session (401 from the gateway, 499 at /session) sends the user to sign in again, at most once a minute:
 * if the API still refuses right after, the problem is shown rather than looping through Keycloak.
 */
function signInAgain(response: Response) {
  if (response.status !== 401 && response.status !== 499) return;
  const last = Number(sessionStorage.getItem(SIGNED_IN_AGAIN) ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem(SIGNED_IN_AGAIN, String(Date.now()));
  signIn();
}

/** The headers every request of the console carries; unsafe methods add the session's CSRF token. */
export function consoleHeaders(method = 'GET'): Record<string, string> {
  const headers: Record<string, string> = {
    'Accept-Language': currentLanguage(),
    // The gateway answers 401 or 499 rather than redirecting fetch() into Keycloak's login page.
    'X-Requested-With': 'JavaScript',
  };
  if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

const conventions: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(consoleHeaders(request.method))) request.headers.set(name, value);
    return request;
  },
  async onResponse({ response }) {
    signInAgain(response);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '/' });
api.use(conventions);

/** The data of an answer, or a ProblemError that screens show next to the fields it names. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    const problem = (typeof error === 'object' && error !== null ? error : {}) as Problem;
    throw new ProblemError({ status: response.status, ...problem });
  }
  return data as T;
}

/** Requests openapi-fetch does not model well: text bodies (CSV, plain lists, files). */
export async function send(
  method: string,
  path: string,
  body: BodyInit,
  contentType: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers = { ...consoleHeaders(method), 'Content-Type': contentType, Accept: 'application/json', ...extra };
  const response = await fetch(path, { method, body, headers, credentials: 'same-origin' });
  signInAgain(response);
  return response;
}

/** A problem document from an answer that may not be JSON at all (an HTML 502 from a proxy). */
export async function problemFrom(response: Response): Promise<ProblemError> {
  const body = await response.json().catch(() => ({}));
  return new ProblemError({ status: response.status, title: response.statusText, ...(body as Problem) });
}

/** Downloads what the API answers (a CSV report) as a file; a refusal is thrown as a problem, never saved. */
export async function download(path: string, accept: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: { ...consoleHeaders(), Accept: accept }, credentials: 'same-origin' });
  signInAgain(response);
  if (!response.ok) throw await problemFrom(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An upload with progress (fetch reports none): resolves with the answer's status and body, whatever they are. */
export function upload(path: string, file: File, contentType: string, onProgress: (percent: number) => void) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    for (const [name, value] of Object.entries({
      ...consoleHeaders('POST'),
      'Content-Type': contentType,
      'Idempotency-Key': crypto.randomUUID(),
    })) {
      request.setRequestHeader(name, value);
    }
    request.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    request.onload = () => {
      let body: unknown = {};
      try {
        body = request.responseText ? JSON.parse(request.responseText) : {};
      } catch {
        body = { title: request.statusText };
      }
      if (request.status === 401 || request.status === 499) signInAgain(new Response(null, { status: request.status }));
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new Error('network'));
    request.send(file);
  });
}
