/**
 * The portal's calls: public routes only, sent without the session cookie (a signed-in staff member
 * using the portal must not need a CSRF token, nor act as themselves). Errors as the server gives
 * them: `{ code, message, field?, details: { fields } }`.
 */
import { ApiError } from '../../api/client';

async function send(method: 'GET' | 'POST', path: string, json?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'omit',
      headers: json === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    let p: { code?: string; message?: string; field?: string; details?: unknown } = {};
    try {
      p = await res.json();
    } catch {
      // not JSON
    }
    const message = res.status === 413 && !p.field ? '提交的内容过大，请减少或压缩附件后重试' : (p.message ?? `请求失败（${res.status}）`);
    throw new ApiError(res.status, p.code ?? `HTTP_${res.status}`, message, { field: p.field, details: p.details });
  }
  return res;
}

/** A public JSON call; returns `data`. */
export async function publicApi<T>(method: 'GET' | 'POST', path: string, json?: unknown): Promise<T> {
  return ((await (await send(method, path, json)).json()) as { data: T }).data;
}

/** A public download (POST with the receipt pair): the file and its name. */
export async function publicDownload(path: string, json: unknown): Promise<{ blob: Blob; filename: string }> {
  const res = await send('POST', path, json);
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="([^"]+)"/i.exec(cd);
  return { blob: await res.blob(), filename: star ? decodeURIComponent(star[1]!) : (plain?.[1] ?? '答复文书.docx') };
}

/** Every field the server named (`details.fields`, else `field`), with its message. */
export function fieldErrors(e: unknown): Array<{ field: string; message: string }> {
  if (!(e instanceof ApiError)) return [];
  const fields = (e.details as { fields?: Array<{ field: string; message: string }> } | undefined)?.fields;
  if (fields?.length) return fields;
  return e.field ? [{ field: e.field, message: e.message }] : [];
}

/** The two kinds a citizen can submit online: the API's module and what the pages call them. */
export const KINDS = {
  disclosure: { module: 'disclosure', prefix: 'GK', title: '网上申请政府信息公开', short: '政府信息公开申请' },
  petitions: { module: 'petitions', prefix: 'XF', title: '网上信访', short: '信访事项' },
} as const;
export type KindKey = keyof typeof KINDS;

/** The kind a receipt number belongs to, by its prefix (GK…, XF…). */
export function kindOfReceipt(receiptNo: string): KindKey | null {
  const p = receiptNo.trim().toUpperCase().slice(0, 2);
  return p === 'GK' ? 'disclosure' : p === 'XF' ? 'petitions' : null;
}

export interface FormInfo {
  bureau: string;
  maxFiles: number;
  maxBytes: number;
  types: Array<{ mime: string; label: string }>;
  /** Each choice field's allowed values as the server checks them (`applicant.kind`, `applicant.idType`, `orgType`, `medium`, `delivery` …). */
  choices: Record<string, string[]>;
}

export interface Receipt {
  receiptNo: string;
  secret: string;
  refNo: string;
  receivedAt: string;
  dueOn: string;
  firstDueOn: string | null;
}

export interface OnlineStatus {
  kindLabel: string;
  receiptNo: string;
  refNo: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  firstDueOn: string | null;
  firstDoneAt: string | null;
  dueOn: string;
  dueRule: string;
  extendedDays: number;
  paused: boolean;
  repliedAt: string | null;
  closedAt: string | null;
  reply: string | null;
  result: string | null;
  hasDocument: boolean;
}

/** A chosen file as the public form sends it (content in base64). */
export async function fileToUpload(f: File): Promise<{ filename: string; mime: string; data: string }> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { filename: f.name, mime: f.type, data: btoa(bin) };
}

/** 4-character groups, as receipt numbers and secrets are shown (GK7H-3MQ9 …). */
export const grouped = (s: string) => s.replace(/(.{4})(?=.)/g, '$1-');

/** A Beijing date-time of an ISO instant (2022-03-01 14:05). */
export function beijing(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
