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
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { isoDateFormat } from '../core/input.js';

const BASE: Options = { useDefaults: true, removeAdditional: false, allErrors: false, addUsedSchema: false, strict: false };

function ajv(coerceTypes: Options['coerceTypes']): Ajv {
  const a = new Ajv({ ...BASE, coerceTypes });
  addFormats.default(a);
  a.addFormat('iso-date', isoDateFormat);
  return a;
}

/** Installs the two validators on the root instance (before any route is registered). */
export function installValidators(app: FastifyInstance): void {
  const text = ajv('array');
  const json = ajv(false);
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    (httpPart === 'body' ? json : text).compile(schema as object),
  );
}
