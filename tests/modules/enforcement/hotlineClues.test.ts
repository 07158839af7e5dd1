import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import type { System } from '../../../src/core/system.js';

let sys: System;
let app: FastifyInstance;
let clerk: Client;
let enforcer: Client;

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  clerk = await login(app, 'clerk');
  enforcer = await login(app, 'enforcer');
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('12345 orders become enforcement clues', () => {
  it('registers each flagged order once as a clue with source 12345 and the order number', async () => {
    const pushed = await clerk.req('POST', '/api/hotline/push', {
      orderNo: 'GZ-CLUE-0001',
      receivedAt: '2022-09-29 10:15',
      demandType: '举报',
      title: '河涌边违法搭建',
      content: '有人在河涌管理范围内搭建棚屋',
      callerName: '陈伟',
      callerPhone: '13800138000',
      location: '车陂涌东岸',
      unitName: '水政监察大队',
      timeLimit: 10,
    });
    expect(pushed.status).toBe(201);
    expect((await clerk.req('POST', `/api/hotline/items/${pushed.body.data.id}/clue`, { reason: '涉嫌违法占用河道管理范围' })).status).toBe(201);

    const taken = await enforcer.req('POST', '/api/enforcement/clues/from-hotline', {});
    expect(taken.status).toBe(200);
    expect(taken.body.data).toEqual([{ clueNo: expect.stringMatching(/^XS\d{4}-\d{4}$/), orderNo: 'GZ-CLUE-0001' }]);

    const clues = (await enforcer.req('GET', '/api/enforcement/clues?source=12345')).body.data;
    const clue = clues.find((c: any) => c.sourceRef === 'GZ-CLUE-0001');
    expect(clue).toBeTruthy();
    expect(JSON.stringify(clue)).not.toContain('13800138000');

    expect((await enforcer.req('POST', '/api/enforcement/clues/from-hotline', {})).body.data).toEqual([]);
  });
});
