/**
 * What the field pages share: the device's facts about a capture (time, location when permitted,
 * sha256, an idempotency key), the answers the server gives, and warming the offline cache.
 */
import { keepRead, type OutboxKind } from './outbox';

/** A place as the Geolocation API gave it. */
export interface Place {
  lat: number;
  lng: number;
  accuracy: number;
}

/**
 * The device's location, when the officer permits it and the device finds one within 10 s; null
 * otherwise (never invented, never guessed from the network).
 */
export function currentPlace(): Promise<Place | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: round(p.coords.latitude), lng: round(p.coords.longitude), accuracy: Math.round(p.coords.accuracy * 10) / 10 }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** A place as the pages print it. */
export function placeText(p: { lat: number | null; lng: number | null; accuracy?: number | null } | null | undefined): string {
  if (!p || p.lat == null || p.lng == null) return '未获取位置';
  return `${p.lat.toFixed(6)}, ${p.lng.toFixed(6)}${p.accuracy == null ? '' : `（±${Math.round(p.accuracy)} 米）`}`;
}

/** The sha256 of a file, lower-case hex, computed on the device (SubtleCrypto: HTTPS or localhost). */
export async function sha256Hex(blob: Blob): Promise<string> {
  if (typeof globalThis.crypto?.subtle === 'undefined') throw new Error('此浏览器环境无法计算文件摘要：外勤取证需通过 HTTPS 访问系统');
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random UUID (v4) — the capture's idempotency key. */
export function newKey(): string {
  if (typeof globalThis.crypto?.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The device's facts about one file: when it was taken (the file's own time), where, its hash and key. */
export async function deviceFacts(file: File, place: Place | null) {
  const taken = file.lastModified ? new Date(file.lastModified) : new Date();
  return {
    key: newKey(),
    sha256: await sha256Hex(file),
    capturedAt: taken.toISOString(),
    ...(place ? { lat: place.lat, lng: place.lng, accuracy: place.accuracy } : { lat: null, lng: null }),
  };
}

/** A capture as the server recorded it (a case's 现场取证). */
export interface Capture {
  id: string;
  key: string;
  caseId: string;
  evidenceId: string;
  attachmentId: string;
  kind: string;
  title: string;
  note: string | null;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  capturedAt: string;
  receivedAt: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
}

/** A patrol check-in as the server recorded it. */
export interface Checkin {
  id: string;
  key: string;
  pointId: string;
  pointCode: string;
  pointName: string;
  checkedAt: string;
  receivedAt: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  note: string | null;
  sha256: string;
  by: string;
}

export const KIND_LABELS: Record<OutboxKind, string> = { evidence: '现场取证', sample: '水质采样', checkin: '巡查打卡' };

/** Today in Beijing, YYYY-MM-DD. */
export function todayInBeijing(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The reads the field pages make, so the service worker keeps them for offline use. */
export const FIELD_READS = {
  cases: '/api/enforcement/cases?open=true',
  rivers: '/api/rivers',
  points: '/api/flood/risk-points',
  checkins: () => `/api/flood/checkins?on=${todayInBeijing()}`,
};

let warmed = false;
/**
 * Warms the offline copies once per visit: the field pages' code (and the frame's menu) and the lists they read (kept on
 * the phone, and by the service worker), so they open when the network is gone.
 */
export function warmFieldCache(can: (permission: string) => boolean): void {
  if (warmed || typeof navigator === 'undefined' || !navigator.onLine) return;
  warmed = true;
  const keep = async (path: string) => {
    const res = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (res.ok) await keepRead(path, ((await res.json()) as { data: unknown }).data);
  };
  void Promise.allSettled([
    import('./components/MyCasesPage'),
    import('./components/CaseCapturePage'),
    import('./components/SamplePage'),
    import('./components/PatrolPage'),
    import('./components/OutboxPage'),
    import('./components/FieldMenu'),
    ...(can('enforcement.case.write') ? [keep(FIELD_READS.cases)] : []),
    ...(can('rivers.samples') ? [keep(FIELD_READS.rivers)] : []),
    ...(can('flood.progress') ? [keep(FIELD_READS.points)] : []),
  ]);
}
