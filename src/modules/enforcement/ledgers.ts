/** The enforcement module's ledgers of LEDGERS.md: penalty-cases, enforcement-items, officers. */
import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf, type RowOfColumns } from '../../core/ledger/spec.js';
import { orgsByName } from '../../core/orgs.js';
import { refuseIfUsedByCases, undoCaseImport } from './undo.js';
import { isValidIdCard } from '../../core/ledger/validators.js';
import { casesForExport, itemCodes, listItems, listOfficers, officerNames, officersForExport, type CaseFilter, type OfficerFilter } from './repository.js';
import { CASE_SOURCES, certValidOn } from './rules.js';
import { DISCRETION_TEXT_MAX, formatDiscretion } from './discretion.js';
import { LEDGER_KINDS, saveCases, type CaseRecord } from './commands/caseCommands.js';
import { saveItems, saveOfficers } from './commands/catalogueCommands.js';
import { openId } from './pii.js';
import type { DiscretionLevel } from './schema.js';

/** 行政处罚案件台账 (LEDGERS.md penalty-cases). */
const penaltyColumns = [
  { key: 'caseNo', header: '案件编号', type: 'text', required: true, example: '天水执立〔2022〕1号' },
  { key: 'org', header: '办案单位', type: 'text', required: true, example: '水政监察大队' },
  { key: 'source', header: '案件来源', type: 'enum', enum: CASE_SOURCES },
  { key: 'itemCode', header: '违法事项编码', type: 'text' },
  { key: 'cause', header: '案由', type: 'text', required: true },
  { key: 'partyType', header: '当事人类型', type: 'enum', required: true, enum: ['自然人', '法人', '其他组织'] as const },
  { key: 'partyName', header: '当事人名称', type: 'text', required: true },
  { key: 'partyIdNo', header: '证件号码', type: 'idno' },
  { key: 'filedOn', header: '立案日期', type: 'date', required: true },
  { key: 'major', header: '是否重大案件', type: 'bool' },
  { key: 'reviewOn', header: '法制审核日期', type: 'date' },
  { key: 'discussionOn', header: '集体讨论日期', type: 'date' },
  { key: 'kinds', header: '处罚种类', type: 'list', enum: LEDGER_KINDS },
  { key: 'fine', header: '罚款金额', type: 'money' },
  { key: 'confiscation', header: '没收金额', type: 'money' },
  { key: 'decidedOn', header: '决定日期', type: 'date' },
  { key: 'decisionNo', header: '决定文书号', type: 'text' },
  { key: 'servedOn', header: '送达日期', type: 'date' },
  { key: 'executedOn', header: '执行完毕日期', type: 'date' },
  { key: 'closedOn', header: '结案日期', type: 'date' },
  { key: 'publishedOn', header: '公示日期', type: 'date' },
  // Fewer than two (or uncertified) officers is a finding on the case (行政处罚法第四十二条), not a row error.
  { key: 'officers', header: '承办人', type: 'list' },
  // Not in LEDGERS.md (optional, after its columns): 行政处罚法第五十九条 (the party's address) and 第三十六条 (追责时效).
  // A blank cell keeps what a known case has.
  { key: 'partyAddress', header: '当事人地址', type: 'text', note: '当事人的住所或地址，印入行政处罚决定书' },
  { key: 'violationOn', header: '违法行为发生日期', type: 'date', note: '追责时效自此日起算（行政处罚法第三十六条）' },
  { key: 'violationEndedOn', header: '违法行为终了日期', type: 'date', note: '违法行为有连续或者继续状态的，追责时效自终了之日起算' },
  { key: 'limitationSerious', header: '涉及生命健康或金融安全', type: 'bool', note: '涉及公民生命健康安全、金融安全且有危害后果的，追责时效为五年' },
] as const;

export const penaltyCasesSpec = defineLedgerSpec({
  key: 'penalty-cases',
  title: '行政处罚案件台账',
  columns: penaltyColumns,
  checkRow(r: RowOfColumns<typeof penaltyColumns>) {
    const out: Array<{ key?: keyof RowOfColumns<typeof penaltyColumns>; message: string }> = [];
    /** A date of the row not before an earlier step's date (when both are given). */
    const after = (k: keyof RowOfColumns<typeof penaltyColumns>, label: string, d: string | null, earliest: { date: string | null; label: string }) => {
      if (d && earliest.date && d < earliest.date) out.push({ key: k, message: `${label}不能早于${earliest.label}` });
    };
    after('decidedOn', '决定日期', r.decidedOn, { date: r.filedOn, label: '立案日期' });
    after('servedOn', '送达日期', r.servedOn, { date: r.decidedOn, label: '决定日期' });
    after('executedOn', '执行完毕日期', r.executedOn, { date: r.servedOn ?? r.decidedOn, label: '送达日期' });
    after('closedOn', '结案日期', r.closedOn, { date: r.filedOn, label: '立案日期' });
    after('publishedOn', '公示日期', r.publishedOn, { date: r.decidedOn, label: '决定日期' });
    if (r.decidedOn && !r.kinds?.length) out.push({ key: 'kinds', message: '已填决定日期，须填写处罚种类' });
    if (r.decidedOn && !r.decisionNo) out.push({ key: 'decisionNo', message: '已填决定日期，须填写决定文书号' });
    if (!r.decidedOn && (r.servedOn || r.executedOn || r.publishedOn)) out.push({ key: 'decidedOn', message: '填写了送达、执行或公示日期，须填写决定日期' });
    if (r.kinds?.includes('罚款') && !(r.fine && r.fine > 0)) out.push({ key: 'fine', message: '处罚种类含罚款，须填写罚款金额' });
    if (r.fine && r.fine > 0 && !r.kinds?.includes('罚款')) out.push({ key: 'kinds', message: '填写了罚款金额，处罚种类须含“罚款”' });
    if (r.confiscation && r.confiscation > 0 && !r.kinds?.some((k) => k.startsWith('没收')))
      out.push({ key: 'kinds', message: '填写了没收金额，处罚种类须含没收' });
    if (r.partyIdNo && r.partyType === '自然人' && !isValidIdCard(r.partyIdNo))
      out.push({ key: 'partyIdNo', message: '当事人为自然人时证件号码应为居民身份证号' });
    return out;
  },
});
export type PenaltyCaseRow = RowOf<typeof penaltyCasesSpec>;

export const penaltyCasesLedger: LedgerDef<PenaltyCaseRow> = {
  spec: penaltyCasesSpec,
  readPermission: 'enforcement.case.read',
  writePermission: 'enforcement.case.write',
  chunked: true,
  naturalKey: { header: '案件编号', of: (r) => r.caseNo },
  async commit(imp, rows) {
    const { ctx, w } = imp;
    const tenantId = ctx.actor.tenantId;
    const [orgs, officers, items] = await Promise.all([orgsByName(w.tx, tenantId), officerNames(w.tx, tenantId), itemCodes(w.tx, tenantId)]);
    const officersByName = new Map<string, typeof officers>();
    for (const o of officers) officersByName.set(o.name, [...(officersByName.get(o.name) ?? []), o]);
    const itemByCode = new Map(items.map((i) => [i.code, i]));
    const errs: RowError[] = [];
    const seen = new Map<string, number>();
    const records: CaseRecord[] = [];
    for (const { rowNumber, value: r } of rows) {
      const n = errs.length;
      const prev = seen.get(r.caseNo);
      if (prev) errs.push({ row: rowNumber, column: '案件编号', message: `与第${prev}行重复`, value: r.caseNo });
      seen.set(r.caseNo, rowNumber);
      const org = orgs.get(r.org);
      if (!org) errs.push({ row: rowNumber, column: '办案单位', message: `单位“${r.org}”不存在`, value: r.org });
      const item = r.itemCode ? itemByCode.get(r.itemCode) : undefined;
      if (r.itemCode && !item) errs.push({ row: rowNumber, column: '违法事项编码', message: `执法事项目录中没有编码“${r.itemCode}”`, value: r.itemCode });
      // A name not in the register cannot be resolved; a known officer without a valid certificate is a finding on the case.
      const officerIds: string[] = [];
      for (const name of r.officers ?? []) {
        const found = officersByName.get(name);
        if (!found?.length) {
          errs.push({ row: rowNumber, column: '承办人', message: `执法人员名册中没有“${name}”`, value: name });
          continue;
        }
        const pick = (fs: typeof found) =>
          fs.find((o) => certValidOn({ name, certNo: o.cert_no, certValidUntil: o.cert_valid_until }, r.filedOn)) ?? fs.find((o) => o.cert_no) ?? fs[0]!;
        const own = found.filter((o) => o.org_id === org?.id);
        officerIds.push(pick(own.length ? own : found).id);
      }
      if (errs.length > n || !org) continue;
      records.push({
        row: rowNumber,
        caseNo: r.caseNo,
        orgId: org.id,
        source: r.source,
        itemId: item?.id ?? null,
        cause: r.cause,
        partyType: r.partyType,
        partyName: r.partyName,
        partyIdNo: r.partyIdNo,
        filedOn: r.filedOn,
        major: !!r.major,
        officerIds,
        partyAddress: r.partyAddress ?? undefined,
        violationOn: r.violationOn ?? undefined,
        violationEndedOn: r.violationEndedOn ?? undefined,
        limitationSerious: r.limitationSerious ?? undefined,
        history: {
          reviewOn: r.reviewOn,
          discussionOn: r.discussionOn,
          kinds: r.kinds ?? [],
          fineFen: r.fine ?? 0,
          confiscationFen: r.confiscation ?? 0,
          decidedOn: r.decidedOn,
          decisionNo: r.decisionNo,
          servedOn: r.servedOn,
          executedOn: r.executedOn,
          closedOn: r.closedOn,
          publishedOn: r.publishedOn,
        },
      });
    }
    if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs };
    const res = await saveCases({ calendar: imp.calendar }, w, records, { mode: 'historical', imp });
    const count = (a: string) => res.saved.filter((s) => s.action === a).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: res.errors };
  },
  undo: { table: 'enf_case', beforeDelete: undoCaseImport },
  // `filter`: the case list's filters (its export: exactly the list's rows, in its order); absent: every case in scope.
  async exportRows(ctx, filter) {
    const rows = await casesForExport(ctx.db, ctx.actor, filter as CaseFilter | undefined);
    return rows.map((c) => ({
      caseNo: c.case_no,
      org: c.org_name,
      source: (c.source as PenaltyCaseRow['source']) ?? null,
      itemCode: c.item_code,
      cause: c.cause,
      partyType: c.party_type as PenaltyCaseRow['partyType'],
      partyName: c.party_name,
      partyIdNo: openId(c.party_id_no),
      filedOn: c.filed_on,
      major: c.major,
      reviewOn: c.review_on,
      discussionOn: c.discussion_on,
      kinds: c.penalty_kinds.length ? (c.penalty_kinds.filter((k) => (LEDGER_KINDS as readonly string[]).includes(k)) as PenaltyCaseRow['kinds']) : null,
      fine: Number(c.fine_fen) || null,
      confiscation: Number(c.confiscation_fen) || null,
      decidedOn: c.decided_on,
      decisionNo: c.decision_no,
      servedOn: c.served_on,
      executedOn: c.executed_on,
      closedOn: c.closed_on,
      publishedOn: c.published_on,
      officers: c.officer_names,
      partyAddress: c.party_address,
      violationOn: c.violation_on,
      violationEndedOn: c.violation_ended_on,
      limitationSerious: c.limitation_serious,
    }));
  },
};

/** 执法事项目录 (LEDGERS.md enforcement-items). 裁量基准 in the text form of discretion.ts. */
export const itemsSpec = defineLedgerSpec({
  key: 'enforcement-items',
  title: '执法事项目录',
  columns: [
    { key: 'code', header: '事项编码', type: 'text', required: true },
    { key: 'name', header: '事项名称', type: 'text', required: true },
    { key: 'legalBasis', header: '法律依据', type: 'text', required: true },
    { key: 'penaltyBasis', header: '处罚依据', type: 'text' },
    {
      key: 'discretion',
      header: '裁量基准',
      type: 'text',
      note: '照录原文，如“情节较轻的，处5000元以下罚款；情节较重的，处5000元以上2万元以下罚款”或“轻微:0-5000（首违不罚）；一般:5000-20000”；系统从中解析各情节的罚款幅度，解析不出的部分仍按原文保存',
      validate: (v: unknown) => (String(v).length > DISCRETION_TEXT_MAX ? `裁量基准不能超过${DISCRETION_TEXT_MAX}字` : undefined),
    },
    { key: 'delegated', header: '是否下放街道', type: 'bool' },
  ],
} as const);
type ItemLedgerRow = RowOf<typeof itemsSpec>;

export const itemsLedger: LedgerDef<ItemLedgerRow> = {
  spec: itemsSpec,
  readPermission: 'enforcement.catalogue.read',
  writePermission: 'enforcement.catalogue.manage',
  async commit(imp, rows) {
    const errs: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      if (seen.has(value.code)) errs.push({ row: rowNumber, column: '事项编码', message: `与第${seen.get(value.code)}行重复`, value: value.code });
      seen.set(value.code, rowNumber);
    }
    if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs };
    const res = await saveItems(
      imp.w,
      imp.ctx.actor,
      rows.map(({ rowNumber, value: r }) => ({
        row: rowNumber,
        code: r.code,
        name: r.name,
        legalBasis: r.legalBasis,
        penaltyBasis: r.penaltyBasis,
        discretionText: r.discretion,
        delegated: !!r.delegated,
      })),
      { mode: 'historical', imp },
    );
    const count = (a: string) => res.saved.filter((s) => s.action === a).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: res.errors };
  },
  undo: { table: 'enf_item', beforeDelete: refuseIfUsedByCases('item_id', '执法事项') },
  async exportRows(ctx) {
    return (await listItems(ctx.db, ctx.actor.tenantId)).map((i) => ({
      code: i.code,
      name: i.name,
      legalBasis: i.legal_basis,
      penaltyBasis: i.penalty_basis,
      discretion: i.discretion_text ?? ((i.discretion as DiscretionLevel[]).length ? formatDiscretion(i.discretion as DiscretionLevel[]) : null),
      delegated: i.delegated,
    }));
  },
};

/** 执法人员 (LEDGERS.md officers); matched on 所属单位 + 姓名. */
const officerColumns = [
  { key: 'name', header: '姓名', type: 'text', required: true },
  { key: 'org', header: '所属单位', type: 'text', required: true },
  { key: 'certNo', header: '执法证号', type: 'text' },
  { key: 'issuedOn', header: '发证日期', type: 'date' },
  { key: 'validUntil', header: '有效期至', type: 'date' },
  {
    key: 'examScore',
    header: '证件考试成绩',
    type: 'decimal',
    validate: (v: unknown) => ((v as number) < 0 || (v as number) > 100 ? '成绩应在0至100之间' : undefined),
  },
] as const;

export const officersSpec = defineLedgerSpec({
  key: 'officers',
  title: '执法人员',
  columns: officerColumns,
  checkRow(r: RowOfColumns<typeof officerColumns>) {
    const out: Array<{ key?: keyof RowOfColumns<typeof officerColumns>; message: string }> = [];
    if (r.certNo && !r.validUntil) out.push({ key: 'validUntil', message: '填写了执法证号须填写有效期至' });
    if (r.issuedOn && r.validUntil && r.validUntil < r.issuedOn) out.push({ key: 'validUntil', message: '有效期至不能早于发证日期' });
    return out;
  },
});
type OfficerLedgerRow = RowOf<typeof officersSpec>;

export const officersLedger: LedgerDef<OfficerLedgerRow> = {
  spec: officersSpec,
  readPermission: 'enforcement.catalogue.read',
  writePermission: 'enforcement.catalogue.manage',
  async commit(imp, rows) {
    const orgs = await orgsByName(imp.w.tx, imp.ctx.actor.tenantId);
    const errs: RowError[] = [];
    const seen = new Map<string, number>();
    const certs = new Map<string, number>();
    const records = [];
    for (const { rowNumber, value: r } of rows) {
      const n = errs.length;
      const org = orgs.get(r.org);
      if (!org) errs.push({ row: rowNumber, column: '所属单位', message: `单位“${r.org}”不存在`, value: r.org });
      const key = `${r.org}/${r.name}`;
      if (seen.has(key)) errs.push({ row: rowNumber, column: '姓名', message: `与第${seen.get(key)}行重复`, value: r.name });
      seen.set(key, rowNumber);
      if (r.certNo) {
        if (certs.has(r.certNo)) errs.push({ row: rowNumber, column: '执法证号', message: `与第${certs.get(r.certNo)}行重复`, value: r.certNo });
        certs.set(r.certNo, rowNumber);
      }
      if (errs.length > n || !org) continue;
      records.push({
        row: rowNumber,
        orgId: org.id,
        name: r.name,
        certNo: r.certNo,
        certIssuedOn: r.issuedOn,
        certValidUntil: r.validUntil,
        examScore: r.examScore,
      });
    }
    if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs };
    const res = await saveOfficers(imp.w, imp.ctx.actor, records, { mode: 'historical', imp });
    const count = (a: string) => res.saved.filter((s) => s.action === a).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: res.errors };
  },
  undo: { table: 'enf_officer', beforeDelete: refuseIfUsedByCases('officer_ids', '执法人员') },
  // `filter`: the officer list's filters (its export: exactly the list's rows, in its order); absent: every officer in scope.
  async exportRows(ctx, filter) {
    const rows = filter ? await officersForExport(ctx, filter as OfficerFilter) : await listOfficers(ctx.db, ctx.actor);
    return rows.map((o) => ({
      name: o.name,
      org: o.org_name,
      certNo: o.cert_no,
      issuedOn: o.cert_issued_on,
      validUntil: o.cert_valid_until,
      examScore: o.exam_score === null ? null : Number(o.exam_score),
    }));
  },
};
