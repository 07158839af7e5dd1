// Field-app uploads in API tests: a multipart body with the device's `meta` (JSON) before the file.
import crypto from 'node:crypto';

/** A multipart body: the `meta` field (JSON) first, then the file. */
export function captureBody(meta: unknown, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----fazhi${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="meta"\r\n\r\n${JSON.stringify(meta)}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The sha256 of a buffer, lower-case hex (what the device's SubtleCrypto computes). */
export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** A small file that passes for a PNG (its signature, then some bytes). */
export const pngLike = (seed: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(seed)]);
