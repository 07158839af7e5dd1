/**
 * The one way the web app talks to the server: same-origin fetch with the session
 * cookie, the CSRF token on every write, `{ data }` unwrapped, and errors turned
 * into {@link ApiError} carrying the server's code, Chinese message and field.
 */

/** An error answered by the server (`{ code, message, field?, details? }`) or a network failure. */
export class ApiError extends Error {
  /** The field the error names (a form shows it there). */
  readonly field?: string;
  /** Row errors of an import, and the like. */
  readonly details?: unknown;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    extra: { field?: string; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.field = extra.field;
    this.details = extra.details;
  }
}

/** Session problems every page must react to the same way. */
export type AuthProblem = 'unauthenticated' | 'password-change-required';

let csrfToken: string | null = null;
const authListeners = new Set<(p: AuthProblem) => void>();

/** Set after login and after `GET /api/auth/me`; sent as `x-csrf-token` on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Subscribes to session problems (401, forced password change); returns the unsubscribe function. */
export function onAuthProblem(listener: (p: AuthProblem) => void): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** Requests whose 401 is an answer for the caller, not a lost session. */
const OWN_401 = new Set(['/api/auth/login', '/api/auth/me', '/api/auth/password']);

/** Query string from an object; undefined, null and '' values are left out. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function raw(method: string, path: string, init: { body?: BodyInit; json?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) throw await toApiError(res, path);
  return res;
}

async function toApiError(res: Response, path: string): Promise<ApiError> {
  let payload: { code?: string; message?: string; field?: string; details?: unknown } = {};
  try {
    payload = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to the status.
  }
  const err = new ApiError(res.status, payload.code ?? `HTTP_${res.status}`, payload.message ?? `请求失败（${res.status}）`, {
    field: payload.field,
    details: payload.details,
  });
  const bare = path.split('?')[0]!;
  if (res.status === 401 && !OWN_401.has(bare)) for (const l of authListeners) l('unauthenticated');
  if (res.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') for (const l of authListeners) l('password-change-required');
  return err;
}

async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await raw(method, path, body === undefined ? {} : { json: body });
  const payload = (await res.json()) as { data: T };
  return payload.data;
}

/** JSON calls; each returns the response's `data`. */
export const api = {
  get: <T>(path: string) => json<T>('GET', path),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => json<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  del: <T>(path: string) => json<T>('DELETE', path),
};

/** Uploads one file as multipart (`file` field by default) with optional extra fields; returns `data`. */
export async function upload<T>(
  path: string,
  file: File | Blob,
  opts: { field?: string; filename?: string; fields?: Record<string, string> } = {},
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  const filename = opts.filename ?? (file instanceof File ? file.name : 'upload');
  form.append(opts.field ?? 'file', file, filename);
  const res = await raw('POST', path, { body: form });
  return ((await res.json()) as { data: T }).data;
}

/** The file name from `content-disposition` (RFC 5987 `filename*=UTF-8''…` first). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file the server sends as an attachment and saves it under the server's file name. */
export async function download(path: string, fallbackName = 'download'): Promise<string> {
  const res = await raw('GET', path);
  const blob = await res.blob();
  const name = filenameOf(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
