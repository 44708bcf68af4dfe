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
export function useCsrfToken(token: string | undefined) {
  csrfToken = token;
}

/** Sends the user to Keycloak's login page, and back here afterwards. */
export function signIn() {
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

const conventions: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage());
    // The gateway answers 499 rather than a redirect when the session has lapsed (see application.properties).
    request.headers.set('X-Requested-With', 'JavaScript');
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401 || response.status === 499) {
      signIn();
    }
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

/** Requests openapi-fetch does not model well: text bodies (CSV, plain lists) and downloads. */
export async function send(method: string, path: string, body: BodyInit, contentType: string): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Accept-Language': currentLanguage(),
    'X-Requested-With': 'JavaScript',
    Accept: 'application/json',
  };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, { method, body, headers, credentials: 'same-origin' });
  if (response.status === 401 || response.status === 499) signIn();
  return response;
}
