import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errors } from '../errors.js';

/** Limits on uploads: size and the kinds of file a case file holds. */
export const FILE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  types: new Map<string, string>([
    ['application/pdf', 'PDF'],
    ['image/jpeg', 'JPEG 图片'],
    ['image/png', 'PNG 图片'],
    ['image/webp', 'WebP 图片'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word 文档'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel 表格'],
    ['application/msword', 'Word 97-2003 文档'],
    ['application/vnd.ms-excel', 'Excel 97-2003 表格'],
    ['text/csv', 'CSV'],
    ['text/plain', '文本'],
    ['audio/mpeg', '音频'],
    ['video/mp4', '视频'],
  ]),
};

/** Checks a file against the limits; throws a coded error naming the problem. */
export function checkFile(args: { size: number; mime: string; filename: string }): void {
  if (!args.filename?.trim()) throw errors.validation('file', '文件名为空');
  if (args.size <= 0) throw errors.validation('file', '文件为空');
  if (args.size > FILE_LIMITS.maxBytes) throw errors.validation('file', `文件超过 ${FILE_LIMITS.maxBytes / 1024 / 1024} MB 上限`);
  if (!FILE_LIMITS.types.has(args.mime)) throw errors.validation('file', `不支持的文件类型：${args.mime}（可上传 PDF、图片、Word、Excel、CSV、文本、音视频）`);
}

/**
 * Content-addressed blob store: a file is kept once under its sha256, whatever
 * records refer to it. A folder today; an S3-compatible bucket behind the same
 * interface tomorrow.
 */
export interface BlobStore {
  put(data: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | undefined>;
  has(sha256: string): Promise<boolean>;
}

export function folderStore(root: string): BlobStore {
  const where = (h: string) => {
    if (!/^[0-9a-f]{64}$/.test(h)) throw errors.validation('sha256', '无效的文件摘要');
    return path.join(root, h.slice(0, 2), h.slice(2));
  };
  return {
    async put(data) {
      const h = crypto.createHash('sha256').update(data).digest('hex');
      const file = where(h);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, file);
      }
      return h;
    },
    async get(h) {
      const file = where(h);
      return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    },
    async has(h) {
      return fs.existsSync(where(h));
    },
  };
}
