import { describe, expect, it } from 'vitest';
import { decisionSections, factsSentence } from './documents.js';
import type { CaseWithOrg } from './repository.js';
import type { EvidenceRow } from './presenters.js';

describe('the facts after 经查: no doubled phrase (行政处罚法第五十九条第二项)', () => {
  it.each([
    ['plain facts', '当事人于2026年3月1日向河涌排放污水', '经查，当事人于2026年3月1日向河涌排放污水。'],
    ['already beginning with 经查，', '经查，当事人于2026年3月1日向河涌排放污水。', '经查，当事人于2026年3月1日向河涌排放污水。'],
    ['经查明：', '经查明：当事人擅自施工', '经查，当事人擅自施工。'],
    ['经查实, (ASCII comma) and a trailing semicolon', '经查实, 当事人擅自施工；', '经查，当事人擅自施工。'],
    ['经调查，', '经调查，当事人擅自施工', '经查，当事人擅自施工。'],
    ['经查 without punctuation', '经查当事人擅自施工', '经查，当事人擅自施工。'],
    ['leading and trailing blanks', '  当事人擅自施工。 ', '经查，当事人擅自施工。'],
    ['a 经查 later in the text is kept', '当事人称未经查验即施工', '经查，当事人称未经查验即施工。'],
    ['nothing entered', null, '经查，（待补充：违法事实）。'],
  ])('%s', (_n, facts, out) => expect(factsSentence(facts)).toBe(out));
});

const evidence = [{ id: 'e1', kind: 'photo', title: '现场照片', collected_on: '2026-09-01' }] as unknown as EvidenceRow[];
const decided = {
  party_name: '广州市某建设有限公司',
  party_type: '法人',
  party_id_no: null,
  party_address: '广州市天河区天河路1号',
  decision_facts: '经查，当事人在工地向市政管网排放泥浆水。',
  decision_basis: '依据《城镇排水与污水处理条例》第五十条的规定',
  penalty_kinds: ['罚款'],
  fine_fen: 5_000_000,
  confiscation_fen: 0,
  decided_on: '2026-11-30',
  org_kind: 'bureau',
  org_name: '水政监察大队',
} as unknown as CaseWithOrg;
const item = { legal_basis: '《城镇排水与污水处理条例》第二十一条', penalty_basis: '《城镇排水与污水处理条例》第五十条' };
const payment = { bank: '中国工商银行广州天河支行', accountName: '广州市天河区财政局', accountNo: '3602 0000 0000 0000 000' };

describe('the decision document (行政处罚法第五十九条)', () => {
  const s = decisionSections(decided, { evidence, paymentDue: '2026-12-16', item, payment });

  it("names the party's address", () => expect(s.party).toBe('当事人：广州市某建设有限公司（法人），住所（地址）：广州市天河区天河路1号'));

  it('states the facts once after 经查, with the evidence', () =>
    expect(s.facts).toBe('经查，当事人在工地向市政管网排放泥浆水。以上事实有下列证据证明：1.现场照片（现场照片）。'));

  it('states the provision violated and the penalty provision, without doubled 依据/的规定', () => {
    expect(s.violation).toBe('当事人的上述行为违反了《城镇排水与污水处理条例》第二十一条的规定。');
    expect(s.penalty).toBe('依据《城镇排水与污水处理条例》第五十条的规定，本机关决定给予当事人如下行政处罚：罚款人民币50000.00元。');
  });

  it('writes its dates as 2026年11月30日 and prints the payment place', () => {
    expect(s.authority).toBe('广州市天河区水务局　2026年11月30日');
    expect(s.performance).toContain('（即2026年12月16日前）');
    expect(s.performance).toContain('到中国工商银行广州天河支行（户名：广州市天河区财政局；账号：3602 0000 0000 0000 000）缴纳罚没款50000.00元');
    expect(s.performance).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("takes the item's 处罚依据 when the decision names none", () =>
    expect(decisionSections({ ...decided, decision_basis: null }, { evidence, paymentDue: null, item }).penalty).toContain(
      '依据《城镇排水与污水处理条例》第五十条的规定，',
    ));

  it('marks what the record lacks (address, provision violated, payment place) as 待补充', () => {
    const bare = decisionSections({ ...decided, party_address: null }, { evidence, paymentDue: null, item: null, payment: null });
    expect(bare.party).toContain('住所（地址）：（待补充：当事人住所或地址）');
    expect(bare.violation).toBe('当事人的上述行为违反了（待补充：违反的法律条款）的规定。');
    expect(bare.performance).toContain('到指定银行（待补充：缴款银行、户名和账号');
  });

  it('a decision without money says it takes effect on service (no payment place)', () => {
    const w = decisionSections({ ...decided, penalty_kinds: ['警告'], fine_fen: 0 }, { evidence, paymentDue: null, item, payment });
    expect(w.performance).toBe('本决定自送达之日起生效，当事人应自觉履行。');
    expect(w.penalty).toContain('警告');
  });
});
