/**
 * Response envelopes for route schemas (`response: { 200: Data(PermitView) }`). The API answers
 * `{ data }`; a module describes what `data` is with TypeBox next to its presenters, and its
 * presenters return `Static<typeof …>` so the compiler keeps them in step. The test server checks
 * every answer against its schema strictly (src/server/responses.ts).
 */
import { Type, type TSchema } from '@fastify/type-provider-typebox';

/** `{ data: T }` */
export const Data = <T extends TSchema>(data: T) => Type.Object({ data });

/** `{ data: { items: T[], total } }` — a page of a list. */
export const Page = <T extends TSchema>(item: T, extra: Record<string, TSchema> = {}) =>
  Data(Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }), ...extra }));

/** A value that may be null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** An ISO date `YYYY-MM-DD`. */
export const IsoDateString = Type.String({ format: 'iso-date', description: 'YYYY-MM-DD' });

/** An instant, as JSON writes it. */
export const Instant = Type.String({ format: 'date-time' });

/** Any JSON value a route passes through unchanged (metric values, a record's free attributes). */
export const AnyJson = Type.Unknown();

/** A file download (xlsx, docx, csv …): sent as bytes, not serialised. */
export const FileDownload = Type.String({ format: 'binary', description: '文件' });
