/**
 * Response schemas, kept honest. Every API route declares what it answers
 * (`response: { 200: Data(CaseView) }`), which documents it in the OpenAPI description and
 * makes Fastify serialise it by the schema — which silently drops any property the schema
 * does not list. So that a presenter and its schema cannot drift apart unnoticed, the test
 * server (and any server started with FAZHI_CHECK_RESPONSES=1) checks every answer against
 * the route's schema *strictly*: an undeclared property, a missing required one or a wrong
 * type is a 500 naming the route and the path, and the tests that call the route fail.
 */
import type { FastifyInstance } from 'fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;

/** A copy of a schema in which every object without a stated `additionalProperties` allows none. */
export function strictSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(strictSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s as Schema))
    out[k] = k === 'properties' || k === 'patternProperties' || k === '$defs' ? mapValues(v, strictSchema) : strictSchema(v);
  if ((out.type === 'object' || out.properties) && !('additionalProperties' in out) && !out.patternProperties) out.additionalProperties = false;
  return out;
}
const mapValues = (v: unknown, f: (x: unknown) => unknown) =>
  v && typeof v === 'object' ? Object.fromEntries(Object.entries(v as Schema).map(([k, x]) => [k, f(x)])) : v;

/** Whether answers are checked: the test runner, or FAZHI_CHECK_RESPONSES=1. */
export const checkingResponses = () => process.env.FAZHI_CHECK_RESPONSES === '1' || (!!process.env.VITEST && process.env.FAZHI_CHECK_RESPONSES !== '0');

export function installResponseCheck(app: FastifyInstance) {
  const ajv = new Ajv({ allErrors: false, strict: false, coerceTypes: false });
  addFormats.default(ajv);
  ajv.addFormat('iso-date', /^\d{4}-\d{2}-\d{2}$/);
  const compiled = new WeakMap<object, ValidateFunction>();
  app.addHook('preSerialization', async (req, reply, payload) => {
    const responses = req.routeOptions.schema?.response as Record<string, object> | undefined;
    if (!responses || payload === null || typeof payload !== 'object' || Buffer.isBuffer(payload)) return payload;
    const status = reply.statusCode;
    const schema = responses[status] ?? responses[`${Math.floor(status / 100)}xx`] ?? (status < 300 ? responses.default : undefined);
    if (!schema) return payload;
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(strictSchema(schema) as Schema);
      compiled.set(schema, validate);
    }
    // As the client will see it: instants become strings.
    const plain: unknown = JSON.parse(JSON.stringify(payload));
    if (!validate(plain)) {
      const e = validate.errors?.[0];
      const where = `${e?.instancePath || '/'}${e?.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty?: string }).additionalProperty)}` : ''}`;
      const message = `响应与接口声明不符（${req.method} ${req.routeOptions.url} ${status}）：${where} ${e?.message ?? ''}`;
      // The client sees a plain 500; the developer running the tests sees why.
      console.error(message);
      throw new Error(message);
    }
    return payload;
  });
}
