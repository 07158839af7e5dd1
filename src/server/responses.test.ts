import Fastify from 'fastify';
import { Type } from '@fastify/type-provider-typebox';
import { describe, expect, it } from 'vitest';
import { installResponseCheck, strictSchema } from './responses.js';
import { Data, Nullable } from '../core/schemas.js';

const View = Type.Object({ id: Type.String(), on: Nullable(Type.String({ format: 'iso-date' })), at: Type.String({ format: 'date-time' }) });

async function app(payload: unknown) {
  const a = Fastify();
  installResponseCheck(a);
  a.get('/x', { schema: { response: { 200: Data(View) } } }, async () => payload);
  a.get('/free', async () => ({ anything: 1 }));
  await a.ready();
  return a;
}

describe('response schemas are checked strictly in tests', () => {
  it('makes every object without a stated additionalProperties closed', () => {
    expect(strictSchema({ type: 'object', properties: { a: { type: 'object', properties: {} } } })).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'object', properties: {}, additionalProperties: false } },
    });
    expect(strictSchema({ type: 'object', additionalProperties: true })).toEqual({ type: 'object', additionalProperties: true });
  });
  it.each([
    ['an answer as declared (an instant written as JSON writes it)', { data: { id: 'a', on: null, at: new Date('2022-06-20T01:02:03Z') } }, 200],
    ['an undeclared property', { data: { id: 'a', on: null, at: '2022-06-20T01:02:03.000Z', secret: 'x' } }, 500],
    ['a missing property', { data: { id: 'a', at: '2022-06-20T01:02:03.000Z' } }, 500],
    ['a wrong type', { data: { id: 1, on: null, at: '2022-06-20T01:02:03.000Z' } }, 500],
  ])('%s', async (_n, payload, status) => {
    const a = await app(payload);
    const err = console.error;
    console.error = () => {};
    try {
      expect((await a.inject({ url: '/x' })).statusCode).toBe(status);
    } finally {
      console.error = err;
      await a.close();
    }
  });
  it('leaves routes without a response schema alone', async () => {
    const a = await app({});
    expect((await a.inject({ url: '/free' })).json()).toEqual({ anything: 1 });
    await a.close();
  });
});
