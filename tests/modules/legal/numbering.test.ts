// 统一编号 under concurrency: two documents published at the same moment each get their own number
// of the year's series (the year's numbers are taken under a transaction lock), never a 500 on the
// unique index. On PostgreSQL the two requests really run at once; on PGlite they queue.
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';
import type { Client } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';
import { REVIEW_CHECKLIST } from '../../../src/modules/legal/rules.js';

const t = serverSuite({ legal: 'legal', leader: 'leader' });

const checklist = Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c.key, true]));
type Doc = { id: string; version: number } & Record<string, unknown>;
const step = async (who: Client, doc: Doc, event: string, body: Record<string, unknown>) =>
  who.req('POST', `/api/legal/documents/${doc.id}/${event}`, { ...body, version: doc.version });

/** A normative document taken through drafting, comment, review and deliberation. */
async function deliberated(title: string): Promise<Doc> {
  let d = (await t.legal.req('POST', '/api/legal/documents', { kind: '规范性文件', title, submittedOn: '2026-01-05' })).body.data;
  d = (await step(t.legal, d, 'comment', { from: '2026-01-06', until: '2026-02-05', channel: '局门户网站' })).body.data;
  d = (await step(t.legal, d, 'submit', { submittedOn: '2026-02-06', commentSummary: '未收到意见' })).body.data;
  d = (await step(t.legal, d, 'review', { reviewedOn: '2026-02-09', result: '同意', opinion: '同意', checklist })).body.data;
  const r = await step(t.leader, d, 'deliberate', { deliberatedOn: '2026-02-10', meeting: '局长办公会议' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data;
}

describe('统一编号公布 at the same moment', () => {
  it('gives two documents published at once the next two numbers of the year, each with its own event', async () => {
    const docs = [await deliberated('并发编号测试一'), await deliberated('并发编号测试二'), await deliberated('并发编号测试三')];
    const answers = await Promise.all(docs.map((d) => step(t.leader, d, 'publish', { publishedOn: '2026-02-12', numberPrefix: '天水规' })));
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
    const numbers = answers.map((a) => a.body.data.docNo as string).sort();
    expect(numbers).toEqual(['天水规〔2026〕1号', '天水规〔2026〕2号', '天水规〔2026〕3号']);
    for (const d of docs) {
      const ev = await history(t.sys.db, t.tenantId, 'legal.document', d.id);
      expect(ev.filter((e) => e.action === 'published')).toHaveLength(1);
    }
  });

  it('numbers the next one after them, and a stale version of one published is a 409 that changes nothing', async () => {
    const d = await deliberated('并发编号测试四');
    const ok = await step(t.leader, d, 'publish', { publishedOn: '2026-02-13' });
    expect(ok.body.data.docNo).toBe('天水规〔2026〕4号');
    const stale = await step(t.leader, d, 'publish', { publishedOn: '2026-02-13' });
    expect(stale.status).toBe(409);
    expect((await t.legal.req('GET', `/api/legal/documents/${d.id}`)).body.data).toMatchObject({ docNo: '天水规〔2026〕4号', version: ok.body.data.version });
  });
});
