import { describe, expect, it } from 'vitest';
import {
  certStatus,
  decisionBreaches,
  decisionDocumentProblems,
  filingBreaches,
  discretionCheck,
  hearingRight,
  lateCharge,
  legalReviewReasons,
  officerProblems,
  summaryProcedureProblems,
  approvalProblems,
  noticeCoverageProblems,
  reviewerProblems,
} from './rules.js';
import { formatDiscretion, parseDiscretion, parseDiscretionText } from './discretion.js';
import { drawSample } from './sampling.js';
import { publicIdNo, publicPartyName } from '../publicity/index.js';
import { maskIdNo } from '../../core/ledger/validators.js';
import type { DiscretionLevel } from './schema.js';

describe('简易程序 — 行政处罚法第五十一条', () => {
  it.each([
    ['a warning to a person', '自然人', ['警告'], 0, []],
    ['a 200-yuan fine to a person is the ceiling', '自然人', ['罚款'], 20_000, []],
    ['201 yuan to a person is over it', '自然人', ['罚款'], 20_100, ['对公民罚款超过200元，不适用简易程序（行政处罚法第五十一条）']],
    ['3,000 yuan to a company is the ceiling', '法人', ['罚款'], 300_000, []],
    ['3,000.01 yuan to a company is over it', '法人', ['罚款'], 300_001, ['对法人或其他组织罚款超过3000元，不适用简易程序（行政处罚法第五十一条）']],
    ['a confiscation is never summary', '法人', ['没收违法所得'], 0, ['简易程序只适用于警告或罚款，不适用于没收违法所得（行政处罚法第五十一条）']],
  ] as const)('%s', (_n, partyType, kinds, fineFen, problems) => {
    expect(summaryProcedureProblems({ partyType, kinds: [...kinds], fineFen })).toEqual(problems);
  });
});

describe('听证权利 — 行政处罚法第六十三条 (thresholds: person > 5,000, organisation > 50,000 yuan)', () => {
  it.each([
    ['5,000 yuan to a person: no hearing right', '自然人', ['罚款'], 500_000, 0, 0],
    ['5,000.01 yuan to a person: hearing right', '自然人', ['罚款'], 500_001, 0, 1],
    ['50,000 yuan to a company: no hearing right', '法人', ['罚款'], 5_000_000, 0, 0],
    ['fine and confiscation together count', '法人', ['罚款', '没收违法所得'], 4_000_000, 1_000_001, 1],
    ['责令停产停业 always gives the right', '法人', ['责令停产停业'], 0, 0, 1],
  ] as const)('%s', (_n, partyType, kinds, fineFen, confiscationFen, n) => {
    expect(hearingRight({ partyType, kinds: [...kinds], fineFen, confiscationFen })).toHaveLength(n);
  });
});

describe('法制审核 triggers — 行政处罚法第五十八条', () => {
  it.each([
    ['an ordinary small case needs none', { major: false, hearingHeld: false, hearingRight: [] }, 0],
    ['a major case needs it', { major: true, hearingHeld: false, hearingRight: [] }, 1],
    ['a case after a hearing needs it', { major: false, hearingHeld: true, hearingRight: ['罚没金额超过5000元（较大数额）'] }, 2],
    ['a hearing right alone needs it under the bureau rule', { major: false, hearingHeld: false, hearingRight: ['吊销许可证件'] }, 1],
  ] as const)('%s', (_n, c, n) => expect(legalReviewReasons({ ...c, hearingRight: [...c.hearingRight] })).toHaveLength(n));
});

describe('加处罚款 — 3 % a day, capped at the fine (行政处罚法第七十二条)', () => {
  it.each([
    ['paid on the due date', 100_000, '2022-03-16', '2022-03-16', 0, 0],
    ['four days late: 12 %', 100_000, '2022-03-16', '2022-03-20', 4, 12_000],
    ['forty days late: capped at the fine', 100_000, '2022-03-16', '2022-04-25', 40, 100_000],
  ])('%s', (_n, fine, due, paid, days, fen) => expect(lateCharge(fine, due, paid)).toEqual({ days, fen }));
});

describe('执法人员 — at least two with valid certificates (行政处罚法第四十二条)', () => {
  const a = { name: '甲', certNo: 'A1', certValidUntil: '2027-06-29' };
  const b = { name: '乙', certNo: 'B1', certValidUntil: '2027-06-29' };
  const expired = { name: '丙', certNo: 'C1', certValidUntil: '2022-03-01' };
  const none = { name: '丁', certNo: null, certValidUntil: null };
  it.each([
    ['two valid officers', [a, b], 0],
    ['one officer only', [a], 1],
    ['one valid and one expired', [a, expired], 2],
    ['one valid and one without a certificate', [a, none], 2],
    ['three with one expired still has two valid', [a, b, expired], 1],
  ])('%s', (_n, officers, n) => expect(officerProblems(officers, '2022-06-01')).toHaveLength(n));
  it.each([
    ['valid far ahead', '2027-06-29', '2022-06-01', 'valid'],
    ['30 days ahead is warned', '2022-07-01', '2022-06-01', 'expiring'],
    ['past', '2022-05-31', '2022-06-01', 'expired'],
  ] as const)('certificate %s', (_n, until, on, st) => expect(certStatus({ name: 'x', certNo: 'X', certValidUntil: until }, on)).toBe(st));
});

describe('裁量基准 — the discretion calculator', () => {
  const levels: DiscretionLevel[] = [
    { level: 'minor', label: '轻微', minFen: 0, maxFen: 500_000, waiver: true },
    { level: 'ordinary', label: '一般', minFen: 500_000, maxFen: 2_000_000 },
  ];
  it.each([
    ['inside the ordinary range', 'ordinary', 1_000_000, false, ['罚款'], []],
    ['at the top of the range', 'ordinary', 2_000_000, false, ['罚款'], []],
    ['above the range', 'ordinary', 2_000_100, false, ['罚款'], ['罚款20001元不在“一般”情节的裁量基准5000至20000元之内']],
    ['below the range', 'ordinary', 100_000, false, ['罚款'], ['罚款1000元不在“一般”情节的裁量基准5000至20000元之内']],
    ['first violation waived at a minor level', 'minor', 0, true, ['不予处罚'], []],
    ['no waiver at the ordinary level', 'ordinary', 0, true, ['不予处罚'], ['“一般”情节不适用首违不罚（行政处罚法第三十三条）']],
    ['no level chosen', null, 100_000, false, ['罚款'], ['请选择违法情节（裁量等级）']],
  ] as const)('%s', (_n, level, fineFen, first, kinds, problems) => {
    expect(discretionCheck(levels, { level, fineFen, firstViolation: first, kinds: [...kinds] }).problems).toEqual(problems);
  });
  it('reads and writes the ledger text form', () => {
    const r = parseDiscretion('轻微:0-5000（首违不罚）；一般:5000-20000');
    expect(r).toEqual({ levels });
    expect(formatDiscretion(levels)).toBe('轻微:0-5000（首违不罚）；一般:5000-20000');
    expect(parseDiscretionText('轻微:0-5000（首违不罚）；一般:5000-20000').levels).toEqual(levels);
    expect(parseDiscretion('一般 5000到20000')).toHaveProperty('error');
    expect(parseDiscretion('一般:20000-5000')).toEqual({ error: '“一般:20000-5000”的最低金额大于最高金额' });
  });
});

describe('裁量基准 — prose, open bounds and multiples in the calculator', () => {
  const text = '情节较轻的，处违法所得一倍以上三倍以下罚款；情节严重的，处5万元以上罚款；责令限期改正';
  const levels = parseDiscretionText(text).levels;
  const base = { firstViolation: false, kinds: ['罚款'], text };
  const notice = '裁量基准中有部分内容未能解析出金额区间，请对照原文：“责令限期改正”：未含罚款（仅有其他处罚或措施）';
  it.each([
    ['a multiple of illegal gains, inside', 'light', 250_000, 100_000, [], [notice]],
    ['a multiple of illegal gains, at the top', 'light', 300_000, 100_000, [], [notice]],
    [
      'a multiple of illegal gains, above',
      'light',
      300_100,
      100_000,
      ['罚款3001元不在“情节较轻的”情节的裁量基准（违法所得的1倍—3倍，违法所得1000元）1000至3000元之内'],
      [notice],
    ],
    [
      'a multiple without the base: not computed, said so',
      'light',
      999_999_900,
      null,
      [],
      [`“情节较轻的”情节按违法所得的1倍—3倍计罚，请填写违法所得金额后再核对罚款金额；该事项的裁量基准未能解析出金额区间，请对照原文：${text}`, notice],
    ],
    ['an open upper bound, far above the minimum', 'grave', 100_000_000, null, [], [notice]],
    ['an open upper bound, below the minimum', 'grave', 4_999_900, null, ['罚款49999元低于“情节严重的”情节的裁量基准最低额50000元'], [notice]],
  ] as const)('%s', (_n, level, fineFen, baseFen, problems, notices) => {
    const r = discretionCheck(levels, { ...base, level, fineFen, baseFen });
    expect(r.problems).toEqual(problems);
    expect(r.notices).toEqual(notices);
  });
  it('computes the bounds of a multiple from the base', () => {
    expect(discretionCheck(levels, { ...base, level: 'light', fineFen: 0, baseFen: 123_456 }).bounds).toEqual({ minFen: 123_456, maxFen: 370_368 });
    expect(discretionCheck(levels, { ...base, level: 'grave', fineFen: 0 }).bounds).toEqual({ minFen: 5_000_000, maxFen: null });
  });
  it('an item with only text: no range, a notice quoting the text, nothing blocked', () => {
    const r = discretionCheck([], { level: null, fineFen: 100_000, firstViolation: false, kinds: ['罚款'], text: '依法从重处罚' });
    expect(r).toEqual({
      range: null,
      bounds: null,
      waiverAllowed: false,
      problems: [],
      notices: ['该事项的裁量基准未能解析出金额区间，请对照原文：依法从重处罚'],
    });
  });
  it('an item without any benchmark passes as before', () => {
    expect(discretionCheck([], { level: null, fineFen: 100_000, firstViolation: false, kinds: ['罚款'] })).toEqual({
      range: null,
      bounds: null,
      waiverAllowed: false,
      problems: [],
      notices: [],
    });
  });
  it('a prose waiver level allows 不予处罚 for a first violation only', () => {
    const ls = parseDiscretionText('轻微：责令改正，可处2000元以下罚款（首次违法且及时改正的，不予处罚）').levels;
    expect(discretionCheck(ls, { level: 'minor', fineFen: 0, firstViolation: true, kinds: ['不予处罚'] })).toMatchObject({ waiverAllowed: true, problems: [] });
    expect(discretionCheck(ls, { level: 'minor', fineFen: 0, firstViolation: false, kinds: ['不予处罚'] }).problems).toEqual([
      '“轻微”情节不适用首违不罚（行政处罚法第三十三条）',
    ]);
  });
});

describe('决定书 six contents — 行政处罚法第五十九条', () => {
  const full = {
    partyName: '某公司',
    facts: '向河涌排放污水',
    evidenceCount: 2,
    kinds: ['罚款'],
    basis: '《城镇排水与污水处理条例》第五十条',
    decidedOn: '2022-05-01',
    decisionNo: '穗天水罚〔2022〕1号',
  };
  it.each([
    ['complete', full, []],
    ['no evidence', { ...full, evidenceCount: 0 }, ['违反法律、法规、规章的事实和证据']],
    ['no basis', { ...full, basis: ' ' }, ['行政处罚的种类和依据']],
    ['no number', { ...full, decisionNo: null }, ['作出决定的行政机关名称和日期（文书号）']],
  ])('%s', (_n, d, problems) => expect(decisionDocumentProblems(d)).toEqual(problems));
});

describe('masking of parties', () => {
  it.each([
    ['a person in lists: ID card masked', '44010619900101123X', true, '440106********123X'],
    ['a company in lists: USCC shown', '91440101MA5D12345X', false, '91440101MA5D12345X'],
  ])('%s', (_n, id, natural, shown) => expect(maskIdNo(id, { naturalPerson: natural })).toBe(shown));
  it('public page: a person keeps the surname, a company is shown whole', () => {
    expect(publicPartyName('陈志伟', '自然人')).toBe('陈某某');
    expect(publicPartyName('广州市某某公司', '法人')).toBe('广州市某某公司');
    expect(publicIdNo('44010619900101123X', '自然人')).toBe('440106********123X');
  });
});

describe('案卷评查 draw', () => {
  const pop = Array.from({ length: 20 }, (_, i) => ({ caseNo: `C${String(i).padStart(2, '0')}` }));
  it('is reproducible from the seed, whatever the order of the population', () => {
    const a = drawSample(pop, 5, 12345).map((x) => x.caseNo);
    const b = drawSample([...pop].reverse(), 5, 12345).map((x) => x.caseNo);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(5);
    expect(drawSample(pop, 5, 54321).map((x) => x.caseNo)).not.toEqual(a);
  });
  it('takes the whole population when it is smaller than the sample', () => expect(drawSample(pop.slice(0, 3), 5, 1)).toHaveLength(3));
});

describe('rules a past case can break (live: refused; import: findings)', () => {
  const ok = { name: '甲', certNo: 'A1', certValidUntil: '2030-12-31' };
  const ok2 = { name: '乙', certNo: 'A2', certValidUntil: '2030-12-31' };
  it.each([
    [
      'two officers with valid certificates on an item the street holds',
      { filedOn: '2022-03-01', officers: [ok, ok2], orgKind: 'street', item: { name: '某事项', delegated: true } },
      [],
    ],
    ['one officer is too few (第四十二条)', { filedOn: '2022-03-01', officers: [ok], orgKind: 'bureau', item: null }, ['enforcement.officers_certified']],
    [
      'a certificate expired before the filing date counts as none',
      { filedOn: '2022-03-01', officers: [ok, { name: '丙', certNo: 'A3', certValidUntil: '2022-02-28' }], orgKind: 'bureau', item: null },
      ['enforcement.officers_certified'],
    ],
    [
      'a certificate valid through the filing date is enough',
      { filedOn: '2022-03-01', officers: [ok, { name: '丙', certNo: 'A3', certValidUntil: '2022-03-01' }], orgKind: 'bureau', item: null },
      [],
    ],
    [
      'a street on an item not delegated to it (第二十四条)',
      { filedOn: '2022-03-01', officers: [ok, ok2], orgKind: 'street', item: { name: '某事项', delegated: false } },
      ['enforcement.item_delegated'],
    ],
    ['the bureau acts on any item', { filedOn: '2022-03-01', officers: [ok, ok2], orgKind: 'bureau', item: { name: '某事项', delegated: false } }, []],
  ] as const)('%s', (_n, facts, rules) => {
    expect(filingBreaches({ ...facts, officers: [...facts.officers] }).map((b) => b.rule)).toEqual(rules);
  });

  const base = {
    partyType: '法人',
    major: false,
    kinds: ['警告'],
    fineFen: 0,
    confiscationFen: 0,
    filedOn: '2022-03-01',
    decisionDueOn: '2022-05-30',
    decidedOn: '2022-04-01' as string | null,
    reviewOn: null as string | null,
    discussionOn: null as string | null,
    publicationDueOn: '2022-04-13' as string | null,
    publishedOn: null as string | null,
  };
  it.each([
    ['an ordinary warning decided in time', {}, []],
    ['an undecided case breaks none of them', { decidedOn: null, major: true }, []],
    ['a major case decided without 法制审核 or 集体讨论', { major: true }, ['enforcement.legal_review_required', 'enforcement.discussion_if_major']],
    ['a major case reviewed and discussed before the decision', { major: true, reviewOn: '2022-03-25', discussionOn: '2022-03-28' }, []],
    ['a review dated after the decision (第五十八条)', { reviewOn: '2022-04-02' }, ['enforcement.review_before_decision']],
    ['a review on the day of the decision is in time', { reviewOn: '2022-04-01' }, []],
    ['a fine with a hearing right needs a review under the bureau rule', { kinds: ['罚款'], fineFen: 5_000_001 }, ['enforcement.legal_review_required']],
    ['decided the day after the 90-day term (第六十条)', { decidedOn: '2022-05-31', publicationDueOn: '2022-06-10' }, ['enforcement.decision_in_time']],
    ['decided on the last day of the term', { decidedOn: '2022-05-30', publicationDueOn: '2022-06-09' }, []],
    ['published after the 7-working-day term', { publishedOn: '2022-04-14' }, ['enforcement.publication_in_time']],
    ['published on the last day of the term', { publishedOn: '2022-04-13' }, []],
  ] as const)('%s', (_n, patch, rules) => {
    expect(decisionBreaches({ ...base, ...(patch as Partial<typeof base>) }).map((b) => b.rule)).toEqual(rules);
  });

  it('names the ledger column and the statute of each breach', () => {
    const [b] = decisionBreaches({ ...base, reviewOn: '2022-04-02' });
    expect(b).toMatchObject({
      column: '法制审核日期',
      field: 'reviewOn',
      statute: '《中华人民共和国行政处罚法》第五十八条',
      message: '法制审核日期2022-04-02晚于决定日期2022-04-01，决定作出前未经法制审核',
    });
  });
});

describe('what the notice covered — 行政处罚法第四十四、六十二、六十三条', () => {
  const notice = { kinds: ['罚款'], fineFen: 500_000, confiscationFen: 0 };
  it.each([
    ['the notified fine exactly (the last amount allowed)', '自然人', notice, { kinds: ['罚款'], fineFen: 500_000, confiscationFen: 0 }, []],
    [
      'one fen more than notified (the first refused)',
      '法人',
      notice,
      { kinds: ['罚款'], fineFen: 500_001, confiscationFen: 0 },
      ['决定的罚款5000.01元高于告知的5000元，须重新告知（行政处罚法第四十四条、第六十二条）'],
    ],
    [
      'one fen more to a person also crosses the hearing threshold the notice did not reach',
      '自然人',
      notice,
      { kinds: ['罚款'], fineFen: 500_001, confiscationFen: 0 },
      [
        '决定的罚款5000.01元高于告知的5000元，须重新告知（行政处罚法第四十四条、第六十二条）',
        '“罚没金额超过5000元（较大数额）”属于应当告知听证权利的处罚，告知书未告知听证权利，须重新告知（行政处罚法第六十三条）',
      ],
    ],
    ['a lighter fine', '自然人', notice, { kinds: ['罚款'], fineFen: 100_000, confiscationFen: 0 }, []],
    [
      'fewer kinds than notified',
      '法人',
      { kinds: ['罚款', '没收违法所得'], fineFen: 100_000, confiscationFen: 50_000 },
      { kinds: ['罚款'], fineFen: 100_000, confiscationFen: 0 },
      [],
    ],
    [
      'an added warning is a kind the notice did not state',
      '自然人',
      notice,
      { kinds: ['警告', '罚款'], fineFen: 100_000, confiscationFen: 0 },
      ['决定的处罚种类“警告”未在行政处罚告知书中载明，须重新告知（行政处罚法第四十四条、第六十二条）'],
    ],
    [
      'a heavier confiscation',
      '法人',
      { kinds: ['没收违法所得'], fineFen: 0, confiscationFen: 100_000 },
      { kinds: ['没收违法所得'], fineFen: 0, confiscationFen: 100_001 },
      ['决定的没收金额1000.01元高于告知的1000元，须重新告知（行政处罚法第四十四条、第六十二条）'],
    ],
    [
      '吊销 added to a notice without a hearing right: the kind and the missing hearing notice',
      '法人',
      notice,
      { kinds: ['罚款', '吊销许可证件'], fineFen: 500_000, confiscationFen: 0 },
      [
        '决定的处罚种类“吊销许可证件”未在行政处罚告知书中载明，须重新告知（行政处罚法第四十四条、第六十二条）',
        '“吊销许可证件”属于应当告知听证权利的处罚，告知书未告知听证权利，须重新告知（行政处罚法第六十三条）',
      ],
    ],
    [
      '责令停产停业 notified with its hearing right, decided',
      '法人',
      { kinds: ['责令停产停业'], fineFen: 0, confiscationFen: 0 },
      { kinds: ['责令停产停业'], fineFen: 0, confiscationFen: 0 },
      [],
    ],
    ['不予处罚 is always within the notice', '法人', notice, { kinds: ['不予处罚'], fineFen: 0, confiscationFen: 0 }, []],
  ] as const)('%s', (_n, partyType, n, decision, problems) => {
    expect(noticeCoverageProblems({ partyType, notice: { ...n, kinds: [...n.kinds] }, decision: { ...decision, kinds: [...decision.kinds] } })).toEqual(
      problems,
    );
  });
});

describe('负责人审批 — 行政处罚法第五十七条', () => {
  it.each([
    ['the head by name', { approver: '李局长', capacity: 'head', delegation: '' }, []],
    ['a deputy with the delegation recorded', { approver: '王副局长', capacity: 'deputy', delegation: '局长委托书' }, []],
    ['a deputy without it', { approver: '王副局长', capacity: 'deputy', delegation: ' ' }, ['delegation']],
    ['no name', { approver: ' ', capacity: 'head', delegation: '' }, ['approver']],
    ['an unknown capacity', { approver: '李局长', capacity: 'officer', delegation: '' }, ['capacity']],
  ] as const)('%s', (_n, a, fields) => {
    expect(approvalProblems(a).map((p) => p.field)).toEqual(fields);
  });
});

describe('法制审核人员 — 行政处罚法第五十八条第二款', () => {
  const q = { no: 'A20194401060001', on: '2022-03-01' };
  it.each([
    ['first-time, qualified before the review', { qualification: q, earlierReviews: 0, on: '2022-03-02' }, 0],
    ['first-time, qualified on the review’s day (the last day allowed)', { qualification: q, earlierReviews: 0, on: '2022-03-01' }, 0],
    ['first-time, qualified the day after (the first refused)', { qualification: q, earlierReviews: 0, on: '2022-02-28' }, 1],
    ['first-time without the qualification', { qualification: null, earlierReviews: 0, on: '2022-03-02' }, 1],
    ['not first-time: one earlier recorded review, no qualification', { qualification: null, earlierReviews: 1, on: '2022-03-02' }, 0],
  ] as const)('%s', (_n, r, n) => {
    const out = reviewerProblems({ name: '陈法制', ...r });
    expect(out).toHaveLength(n);
    for (const m of out) expect(m).toContain('行政处罚法第五十八条第二款');
  });
});
