/**
 * The route validators: one Ajv for JSON bodies and one for the path, query and headers.
 *
 * A path or query string is text, so numbers and booleans there are coerced from it. A JSON
 * body already has its types: coercing it would turn a `null` sent for an optional number into
 * 0 (Ajv tries the first branch of `number | null` first) and a `"12"` typed into an integer
 * field into 12 — the body is taken as sent. Both refuse a property the schema does not list
 * (`closeBodies` in the input guard sets `additionalProperties: false` where a body object
 * lists its properties and says nothing else), never strip it silently.
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { isoDateFormat } from '../core/input.js';

const BASE: Options = { useDefaults: true, removeAdditional: false, allErrors: false, addUsedSchema: false, strict: false };

function ajv(coerceTypes: Options['coerceTypes']): Ajv {
  const a = new Ajv({ ...BASE, coerceTypes });
  addFormats.default(a);
  a.addFormat('iso-date', isoDateFormat);
  return a;
}

/**
 * Route schemas are compiled when a route is first called, not when the server starts: compiling
 * the validators and serialisers of ~200 routes took about 2.5 s of every start (and of every test
 * server). Each compiler answers at once with a stand-in that compiles on its first call and then
 * is the compiled function; `compileAll` (a test) compiles every one, so a schema that cannot
 * compile still fails the suite rather than the first user.
 */
const pending = new WeakMap<FastifyInstance, Array<() => unknown>>();

type Compiled<T> = ((data: unknown) => T) & { errors?: ValidateFunction['errors'] };

function later<T>(app: FastifyInstance, compile: () => Compiled<T>): Compiled<T> {
  let fn: Compiled<T> | undefined;
  const make = () => (fn ??= compile());
  pending.get(app)?.push(make);
  const call: Compiled<T> = (data) => {
    const f = make();
    const out = f(data);
    // Fastify reads a failed validation's reasons from the function it was given.
    call.errors = f.errors;
    return out;
  };
  return call;
}

/** Compiles every route schema now (a test calls it; a server compiles each on first use). */
export async function compileAll(app: FastifyInstance): Promise<number> {
  await app.ready();
  const all = pending.get(app) ?? [];
  for (const make of all) make();
  return all.length;
}

/** Installs the two validators and the serialiser on the root instance (before any route is registered). */
export function installValidators(app: FastifyInstance, serializerOpts: Record<string, unknown>): void {
  pending.set(app, []);
  const text = ajv('array');
  const json = ajv(false);
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    later(app, (): ValidateFunction => (httpPart === 'body' ? json : text).compile(schema as object)),
  );
  const serializer = SerializerSelector()(undefined, serializerOpts);
  app.setSerializerCompiler((route) => later(app, () => serializer(route as Parameters<typeof serializer>[0])));
}
