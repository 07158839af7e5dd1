/**
 * Response envelopes for route schemas (`response: { 200: Data(PermitView) }`). The API answers
 * `{ data }`; a module describes what `data` is with TypeBox next to its presenters, and its
 * presenters return `Static<typeof …>` so the compiler keeps them in step. The test server checks
 * every answer against its schema strictly (src/server/responses.ts). Request fields that may be left out or
 * sent as null are written with `Opt`, `OptText`, `OptUuid` and `OptDay`.
 */
import { Type, type TSchema, type TUnsafe } from '@fastify/type-provider-typebox';
import { IsoDate } from './input.js';

/** `{ data: T }` */
export const Data = <T extends TSchema>(data: T) => Type.Object({ data });

/** `{ data: { items: T[], total } }` — a page of a list. */
export const Page = <T extends TSchema>(item: T, extra: Record<string, TSchema> = {}) =>
  Data(Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }), ...extra }));

/** A value that may be null. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

// Request fields that may be left out or sent as null (null clears the field). Each call makes a new schema:
// the server bounds a route's schemas in place, by where they are read (boundSchema, core/input.ts), so a
// schema object shared by a query and a body would carry the bounds of whichever route came first.

/** A request field that may be left out or be null. */
export const Opt = <T extends TSchema>(t: T) => Type.Optional(Nullable(t));

/** Optional text of at most `max` characters, or null. */
export const OptText = (max: number) => Opt(Type.String({ maxLength: max }));

/** An optional record id (a UUID), or null. */
export const OptUuid = () => Opt(Type.String({ format: 'uuid' }));

/** An optional request date `YYYY-MM-DD` (core/input's `IsoDate`), or null. */
export const OptDay = () => Opt(IsoDate);

/** An ISO date `YYYY-MM-DD`. */
export const IsoDateString = Type.String({ format: 'iso-date', description: 'YYYY-MM-DD' });

/** An instant, as JSON writes it. */
export const Instant = Type.String({ format: 'date-time' });

/** Any JSON value a route passes through unchanged (metric values, a record's free attributes). */
export const AnyJson = Type.Unknown();

/** A file download (xlsx, docx, csv …): sent as bytes, not serialised. */
export const FileDownload = Type.String({ format: 'binary', description: '文件' });

/** `{ data: T[] }` — a whole (unpaged) list. */
export const DataList = <T extends TSchema>(item: T) => Data(Type.Array(item));

/** One of the given values: a union of their literals, in their order (typed as the values' union, not `never`). */
export const OneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnsafe<T>;

/** One of a label map's keys (a workflow's stages, from the module's labels.ts), in its order. */
export const KeyOf = <K extends string>(labels: Readonly<Record<K, string>>) => OneOf(Object.keys(labels) as K[]);

/** The short names the response schemas use: text, a whole number, yes/no, and each that may be null. */
export const Str = Type.String();
export const NStr = Nullable(Str);
export const Int = Type.Integer();
export const Bool = Type.Boolean();
export const NDay = Nullable(IsoDateString);

/** A record's deadline as its page shows it (the web's RecordClocks): the due date, whether met, the explanation and its statute. */
export const CLOCK_FIELDS = { key: Str, label: Str, start: IsoDateString, due: IsoDateString, doneOn: NDay, status: Str, text: Str, source: Str };

/** A workflow action as `actionsFor` answers it (the web's WorkflowActions): allowed, or blocked with why, and the stage it leads to. */
export const WorkflowActionView = <S extends TSchema>(stage: S) =>
  Type.Object({ event: Str, label: Str, allowed: Bool, reasons: Type.Array(Str), to: Nullable(stage) }, { description: '办理操作：是否可办理及原因' });
