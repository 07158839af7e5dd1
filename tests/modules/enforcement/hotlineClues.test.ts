import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ clerk: 'clerk', enforcer: 'enforcer' });

describe('12345 orders become enforcement clues', () => {
  it('registers each flagged order once as a clue with source 12345 and the order number', async () => {
    const pushed = await env.clerk.req('POST', '/api/hotline/push', {
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
    expect((await env.clerk.req('POST', `/api/hotline/items/${pushed.body.data.id}/clue`, { reason: '涉嫌违法占用河道管理范围' })).status).toBe(201);

    const taken = await env.enforcer.req('POST', '/api/enforcement/clues/from-hotline', {});
    expect(taken.status).toBe(200);
    expect(taken.body.data).toEqual([{ clueNo: expect.stringMatching(/^XS\d{4}-\d{4}$/), orderNo: 'GZ-CLUE-0001' }]);

    const clues = (await env.enforcer.req('GET', '/api/enforcement/clues?source=12345')).body.data;
    const clue = clues.find((c: any) => c.sourceRef === 'GZ-CLUE-0001');
    expect(clue).toBeTruthy();
    expect(JSON.stringify(clue)).not.toContain('13800138000');

    expect((await env.enforcer.req('POST', '/api/enforcement/clues/from-hotline', {})).body.data).toEqual([]);
  });
});
