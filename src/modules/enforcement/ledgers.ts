/** The enforcement module's ledgers of LEDGERS.md: penalty-cases, enforcement-items, officers. */
import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf, type RowOfColumns } from '../../core/ledger/spec.js';
import { diffFields, type AuditInput } from '../../core/audit/audit.js';
import { orgsByName } from '../../core/orgs.js';
import { isValidIdCard } from '../../core/ledger/validators.js';
import { recordDecision } from '../publicity/index.js';
import { enf, listItems, listOfficers } from './repository.js';
import { CASE_SOURCES } from './rules.js';
import { DISCRETION_TEXT_MAX, formatDiscretion, parseDiscretionText } from './discretion.js';
import { penaltyContent } from './commands/caseCommands.js';
import { maskedId, openId, sealId } from './pii.js';
import type { DiscretionLevel } from './schema.js';
import { CalendarService } from '../../core/calendar/service.js';

const LEDGER_KINDS = ['警告', '罚款', '没收违法所得', '没收非法财物', '责令停产停业', '暂扣许可证件', '不予处罚'] as const;

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
    { key: 'officers', header: '承办人', type: 'list', validate: (v: unknown) => ((v as string[]).length < 2 ? '承办人至少两名（行政处罚法第四十二条）' : undefined) },
] as const;

export const penaltyCasesSpec = defineLedgerSpec({
  key: 'penalty-cases',
  title: '行政处罚案件台账',
  columns: penaltyColumns,
  checkRow(r: RowOfColumns<typeof penaltyColumns>) {
    const out: Array<{ key?: any; message: string }> = [];
    const after = (k: string, label: string, d: string | null, min: string | null, minLabel: string) => {
      if (d && min && d < min) out.push({ key: k, message: `${label}不能早于${minLabel}` });
    };
    after('decidedOn', '决定日期', r.decidedOn, r.filedOn, '立案日期');
    after('servedOn', '送达日期', r.servedOn, r.decidedOn, '决定日期');
    after('executedOn', '执行完毕日期', r.executedOn, r.servedOn ?? r.decidedOn, '送达日期');
    after('closedOn', '结案日期', r.closedOn, r.filedOn, '立案日期');
    after('publishedOn', '公示日期', r.publishedOn, r.decidedOn, '决定日期');
    if (r.decidedOn && !r.kinds?.length) out.push({ key: 'kinds', message: '已填决定日期，须填写处罚种类' });
    if (r.decidedOn && !r.decisionNo) out.push({ key: 'decisionNo', message: '已填决定日期，须填写决定文书号' });
    if (!r.decidedOn && (r.servedOn || r.executedOn || r.publishedOn)) out.push({ key: 'decidedOn', message: '填写了送达、执行或公示日期，须填写决定日期' });
    if (r.kinds?.includes('罚款') && !(r.fine && r.fine > 0)) out.push({ key: 'fine', message: '处罚种类含罚款，须填写罚款金额' });
    if (r.fine && r.fine > 0 && !r.kinds?.includes('罚款')) out.push({ key: 'kinds', message: '填写了罚款金额，处罚种类须含“罚款”' });
    if (r.confiscation && r.confiscation > 0 && !r.kinds?.some((k) => k.startsWith('没收'))) out.push({ key: 'kinds', message: '填写了没收金额，处罚种类须含没收' });
    if (r.partyIdNo && r.partyType === '自然人' && !isValidIdCard(r.partyIdNo)) out.push({ key: 'partyIdNo', message: '当事人为自然人时证件号码应为居民身份证号' });
    return out;
  },
});
export type PenaltyCaseRow = RowOf<typeof penaltyCasesSpec>;

/** The stage an imported case is in, from the dates it carries. */
export function stageFromDates(r: Pick<PenaltyCaseRow, 'closedOn' | 'executedOn' | 'servedOn' | 'decidedOn'>): string {
  if (r.closedOn) return 'closed';
  if (r.executedOn) return 'executed';
  if (r.servedOn) return 'served';
  if (r.decidedOn) return 'decided';
  return 'investigation';
}


export const penaltyCasesLedger: LedgerDef<PenaltyCaseRow> = {
  spec: penaltyCasesSpec,
  readPermission: 'enforcement.case.read',
  writePermission: 'enforcement.case.write',
  async commit({ ctx, w }, rows) {
    const tenantId = ctx.actor.tenantId;
    const orgs = await orgsByName(w.tx, tenantId);
    const db = enf(w.tx);
    const officers = await db.selectFrom('enf_officer').select(['id', 'name', 'cert_no']).where('tenant_id', '=', tenantId).execute();
    const officerByName = new Map<string, typeof officers>();
    for (const o of officers) officerByName.set(o.name, [...(officerByName.get(o.name) ?? []), o]);
    const items = new Map((await db.selectFrom('enf_item').select(['id', 'code', 'delegated']).where('tenant_id', '=', tenantId).execute()).map((i) => [i.code, i]));
    const existing = new Map((await db.selectFrom('enf_case').selectAll().where('tenant_id', '=', tenantId).execute()).map((c) => [c.case_no, c]));
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value: r } of rows) {
      const prev = seen.get(r.caseNo);
      if (prev) errors.push({ row: rowNumber, column: '案件编号', message: `与第${prev}行重复`, value: r.caseNo });
      seen.set(r.caseNo, rowNumber);
      const org = orgs.get(r.org);
      if (!org) errors.push({ row: rowNumber, column: '办案单位', message: `单位“${r.org}”不存在`, value: r.org });
      else if (!ctx.actor.scope.all && !ctx.actor.scope.orgIds.includes(org.id)) errors.push({ row: rowNumber, column: '办案单位', message: '只能导入本单位的案件', value: r.org });
      const old = existing.get(r.caseNo);
      if (old && org && old.org_id !== org.id) errors.push({ row: rowNumber, column: '办案单位', message: '已有案件的办案单位不能通过导入更改', value: r.org });
      if (r.itemCode) {
        const item = items.get(r.itemCode);
        if (!item) errors.push({ row: rowNumber, column: '违法事项编码', message: `执法事项目录中没有编码“${r.itemCode}”`, value: r.itemCode });
        else if (org?.kind === 'street' && !item.delegated) errors.push({ row: rowNumber, column: '违法事项编码', message: '该事项未下放街道', value: r.itemCode });
      }
      for (const name of r.officers ?? []) {
        const found = officerByName.get(name);
        if (!found?.length) errors.push({ row: rowNumber, column: '承办人', message: `执法人员名册中没有“${name}”`, value: name });
        else if (!found.some((o) => o.cert_no)) errors.push({ row: rowNumber, column: '承办人', message: `“${name}”没有执法证`, value: name });
      }
      if (!r.officers?.length) errors.push({ row: rowNumber, column: '承办人', message: '承办人至少两名（行政处罚法第四十二条）' });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const audits: AuditInput[] = [];
    const decided: Array<{ id: string; row: PenaltyCaseRow; orgId: string; orgName: string }> = [];
    for (const { value: r } of rows) {
      const org = orgs.get(r.org)!;
      const offs = (r.officers ?? []).map((n) => officerByName.get(n)!.find((o) => o.cert_no)!);
      const values = {
        org_id: org.id,
        stage: stageFromDates(r),
        source: r.source,
        item_code: r.itemCode,
        item_id: r.itemCode ? items.get(r.itemCode)!.id : null,
        cause: r.cause,
        party_type: r.partyType,
        party_name: r.partyName,
        party_id_no: r.partyIdNo,
        filed_on: r.filedOn,
        major: !!r.major,
        review_on: r.reviewOn,
        review_result: r.reviewOn ? '同意' : null,
        discussion_on: r.discussionOn,
        penalty_kinds: r.kinds ?? [],
        proposed_kinds: r.kinds ?? [],
        fine_fen: r.fine ?? 0,
        confiscation_fen: r.confiscation ?? 0,
        decided_on: r.decidedOn,
        decision_no: r.decisionNo,
        served_on: r.servedOn,
        executed_on: r.executedOn,
        closed_on: r.closedOn,
        published_on: r.publishedOn,
        officer_ids: offs.map((o) => o.id),
        officer_names: offs.map((o) => o.name),
      };
      const old = existing.get(r.caseNo);
      // The identifier is compared in clear, stored encrypted, and masked in the audit log.
      const stored = { ...values, ...sealId(values.party_id_no) };
      const shown = (v: Record<string, unknown>) => ({ ...v, party_id_no: maskedId(v.party_id_no as string | null, r.partyType) });
      if (!old) {
        const row = await db.insertInto('enf_case').values({ tenant_id: tenantId, case_no: r.caseNo, imported: true, ...stored }).returning('id').executeTakeFirstOrThrow();
        audits.push({ entity: 'enforcement.case', entityId: row.id, action: 'imported', orgId: org.id, after: shown({ case_no: r.caseNo, ...values }), note: { via: 'ledger:penalty-cases' } });
        if (r.decidedOn && r.decisionNo) decided.push({ id: row.id, row: r, orgId: org.id, orgName: org.name });
        created++;
        continue;
      }
      const before = Object.fromEntries(Object.keys(values).map((k) => [k, k === 'party_id_no' ? openId(old.party_id_no) : (old as any)[k]]));
      if (!diffFields(before, values).length) {
        unchanged++;
        continue;
      }
      await db.updateTable('enf_case').set({ ...stored, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', old.id).execute();
      audits.push({ entity: 'enforcement.case', entityId: old.id, action: 'updated', orgId: org.id, before: shown(before), after: shown(values), note: { via: 'ledger:penalty-cases' } });
      if (r.decidedOn && r.decisionNo) decided.push({ id: old.id, row: r, orgId: org.id, orgName: org.name });
      updated++;
    }
    await w.auditMany(audits);
    if (decided.length) {
      // LedgerDef.importRows gets no System: a calendar service over the same database gives the publication terms.
      const calendar = new CalendarService(w.tx);
      await calendar.load();
      for (const d of decided) {
        const r = d.row;
        await recordDecision(w, ctx.actor, calendar, {
          kind: 'penalty', orgId: d.orgId, sourceEntity: 'enforcement.case', sourceId: d.id, decisionNo: r.decisionNo!, decidedOn: r.decidedOn!, partyName: r.partyName, partyType: r.partyType, partyIdNo: r.partyIdNo,
          title: r.cause, content: penaltyContent({ penalty_kinds: r.kinds ?? [], fine_fen: r.fine ?? 0, confiscation_fen: r.confiscation ?? 0 }), amountFen: (r.fine ?? 0) + (r.confiscation ?? 0), publishedOn: r.publishedOn,
          fields: { 处罚类别: (r.kinds ?? []).join('、'), 罚款金额分: String(r.fine ?? 0), 没收金额分: String(r.confiscation ?? 0), 机关: d.orgName },
        });
      }
    }
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    const rows = await enf(ctx.db)
      .selectFrom('enf_case')
      .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
      .selectAll('enf_case')
      .select('org.name as org_name')
      .where('enf_case.tenant_id', '=', ctx.actor.tenantId)
      .$if(!ctx.actor.scope.all, (q) => q.where('enf_case.org_id', 'in', ctx.actor.scope.all ? [] : [...ctx.actor.scope.orgIds]))
      .orderBy('enf_case.filed_on')
      .orderBy('enf_case.case_no')
      .execute();
    return rows.map((c) => ({
      caseNo: c.case_no, org: c.org_name, source: (c.source as PenaltyCaseRow['source']) ?? null, itemCode: c.item_code, cause: c.cause, partyType: c.party_type as PenaltyCaseRow['partyType'], partyName: c.party_name,
      partyIdNo: openId(c.party_id_no), filedOn: c.filed_on, major: c.major, reviewOn: c.review_on, discussionOn: c.discussion_on,
      kinds: c.penalty_kinds.length ? (c.penalty_kinds.filter((k) => (LEDGER_KINDS as readonly string[]).includes(k)) as PenaltyCaseRow['kinds']) : null,
      fine: Number(c.fine_fen) || null, confiscation: Number(c.confiscation_fen) || null, decidedOn: c.decided_on, decisionNo: c.decision_no, servedOn: c.served_on, executedOn: c.executed_on,
      closedOn: c.closed_on, publishedOn: c.published_on, officers: c.officer_names,
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
    { key: 'discretion', header: '裁量基准', type: 'text', note: '照录原文，如“情节较轻的，处5000元以下罚款；情节较重的，处5000元以上2万元以下罚款”或“轻微:0-5000（首违不罚）；一般:5000-20000”；系统从中解析各情节的罚款幅度，解析不出的部分仍按原文保存', validate: (v: unknown) => (String(v).length > DISCRETION_TEXT_MAX ? `裁量基准不能超过${DISCRETION_TEXT_MAX}字` : undefined) },
    { key: 'delegated', header: '是否下放街道', type: 'bool' },
  ],
} as const);
type ItemLedgerRow = RowOf<typeof itemsSpec>;

export const itemsLedger: LedgerDef<ItemLedgerRow> = {
  spec: itemsSpec,
  readPermission: 'enforcement.catalogue.read',
  writePermission: 'enforcement.catalogue.manage',
  async commit({ ctx, w }, rows) {
    const tenantId = ctx.actor.tenantId;
    const db = enf(w.tx);
    const bureau = await w.tx.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'bureau').executeTakeFirstOrThrow();
    const existing = new Map((await db.selectFrom('enf_item').selectAll().where('tenant_id', '=', tenantId).execute()).map((i) => [i.code, i]));
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      if (seen.has(value.code)) errors.push({ row: rowNumber, column: '事项编码', message: `与第${seen.get(value.code)}行重复`, value: value.code });
      seen.set(value.code, rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    let created = 0, updated = 0, unchanged = 0;
    const audits: AuditInput[] = [];
    for (const { value: r } of rows) {
      const levels: DiscretionLevel[] = r.discretion ? parseDiscretionText(r.discretion).levels : [];
      const values = { name: r.name, legal_basis: r.legalBasis, penalty_basis: r.penaltyBasis, discretion_text: r.discretion, delegated: !!r.delegated };
      const old = existing.get(r.code);
      if (!old) {
        const row = await db.insertInto('enf_item').values({ tenant_id: tenantId, org_id: bureau.id, code: r.code, discretion: JSON.stringify(levels), ...values }).returning('id').executeTakeFirstOrThrow();
        audits.push({ entity: 'enforcement.item', entityId: row.id, action: 'created', orgId: bureau.id, after: { code: r.code, ...values }, note: { via: 'ledger:enforcement-items' } });
        created++;
        continue;
      }
      const before = { name: old.name, legal_basis: old.legal_basis, penalty_basis: old.penalty_basis, discretion_text: old.discretion_text, delegated: old.delegated };
      if (!diffFields(before, values).length) { unchanged++; continue; }
      await db.updateTable('enf_item').set({ ...values, discretion: JSON.stringify(levels), version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', old.id).execute();
      audits.push({ entity: 'enforcement.item', entityId: old.id, action: 'updated', orgId: bureau.id, before, after: values, note: { via: 'ledger:enforcement-items' } });
      updated++;
    }
    await w.auditMany(audits);
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    return (await listItems(ctx.db, ctx.actor.tenantId)).map((i) => ({
      code: i.code, name: i.name, legalBasis: i.legal_basis, penaltyBasis: i.penalty_basis,
      discretion: i.discretion_text ?? ((i.discretion as DiscretionLevel[]).length ? formatDiscretion(i.discretion as DiscretionLevel[]) : null), delegated: i.delegated,
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
    { key: 'examScore', header: '证件考试成绩', type: 'decimal', validate: (v: unknown) => ((v as number) < 0 || (v as number) > 100 ? '成绩应在0至100之间' : undefined) },
] as const;

export const officersSpec = defineLedgerSpec({
  key: 'officers',
  title: '执法人员',
  columns: officerColumns,
  checkRow(r: RowOfColumns<typeof officerColumns>) {
    const out: Array<{ key?: any; message: string }> = [];
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
  async commit({ ctx, w }, rows) {
    const tenantId = ctx.actor.tenantId;
    const db = enf(w.tx);
    const orgs = await orgsByName(w.tx, tenantId);
    const existing = await db.selectFrom('enf_officer').selectAll().where('tenant_id', '=', tenantId).execute();
    const byKey = new Map(existing.map((o) => [`${o.org_id}/${o.name}`, o]));
    const byCert = new Map(existing.filter((o) => o.cert_no).map((o) => [o.cert_no!, o]));
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const certs = new Map<string, number>();
    for (const { rowNumber, value: r } of rows) {
      const org = orgs.get(r.org);
      if (!org) errors.push({ row: rowNumber, column: '所属单位', message: `单位“${r.org}”不存在`, value: r.org });
      const key = `${r.org}/${r.name}`;
      if (seen.has(key)) errors.push({ row: rowNumber, column: '姓名', message: `与第${seen.get(key)}行重复`, value: r.name });
      seen.set(key, rowNumber);
      if (r.certNo) {
        if (certs.has(r.certNo)) errors.push({ row: rowNumber, column: '执法证号', message: `与第${certs.get(r.certNo)}行重复`, value: r.certNo });
        certs.set(r.certNo, rowNumber);
        const holder = byCert.get(r.certNo);
        if (holder && org && (holder.org_id !== org.id || holder.name !== r.name)) errors.push({ row: rowNumber, column: '执法证号', message: `已登记给${holder.name}`, value: r.certNo });
      }
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    let created = 0, updated = 0, unchanged = 0;
    const audits: AuditInput[] = [];
    for (const { value: r } of rows) {
      const org = orgs.get(r.org)!;
      const values = { cert_no: r.certNo, cert_issued_on: r.issuedOn, cert_valid_until: r.validUntil, exam_score: r.examScore };
      const old = byKey.get(`${org.id}/${r.name}`);
      if (!old) {
        const row = await db.insertInto('enf_officer').values({ tenant_id: tenantId, org_id: org.id, name: r.name, ...values }).returning('id').executeTakeFirstOrThrow();
        audits.push({ entity: 'enforcement.officer', entityId: row.id, action: 'created', orgId: org.id, after: { name: r.name, ...values }, note: { via: 'ledger:officers' } });
        created++;
        continue;
      }
      const before = { cert_no: old.cert_no, cert_issued_on: old.cert_issued_on, cert_valid_until: old.cert_valid_until, exam_score: old.exam_score === null ? null : Number(old.exam_score) };
      if (!diffFields(before, values).length) { unchanged++; continue; }
      await db.updateTable('enf_officer').set({ ...values, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', old.id).execute();
      audits.push({ entity: 'enforcement.officer', entityId: old.id, action: 'updated', orgId: org.id, before, after: values, note: { via: 'ledger:officers' } });
      updated++;
    }
    await w.auditMany(audits);
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    return (await listOfficers(ctx.db, ctx.actor)).map((o) => ({ name: o.name, org: o.org_name, certNo: o.cert_no, issuedOn: o.cert_issued_on, validUntil: o.cert_valid_until, examScore: o.exam_score === null ? null : Number(o.exam_score) }));
  },
};
