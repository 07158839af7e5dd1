import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { bizDate, dateInstant, exportItems, importDemandRows, demandUndo, type ClockExtension, type ClockPause } from '../demands/index.js';
import { disclosureKind } from './kind.js';
import { APPLICANT_TYPES, CHANNELS, correctionEffect, OUTCOMES, PAUSE_THIRD_PARTY, parseDates, RESTART_CORRECTION } from './rules.js';
import { proactiveForExport } from './repository.js';
import { saveProactive } from './commands.js';

/** The approver an imported extension is recorded with (the ledger does not name one). */
const LEDGER_APPROVER = '（台账导入）';

/**
 * 依申请公开台账 — the `disclosure-requests` ledger of LEDGERS.md. 处理结果 takes the template's rows.
 * Optional columns beyond LEDGERS.md carry what the reply clock's rules need: 延期批准日期, 补正告知日期
 * (one or more), 收到补正日期, 征求第三方意见起/止.
 */
export const requestsSpec = defineLedgerSpec({
  key: 'disclosure-requests',
  title: '依申请公开台账',
  columns: [
    { key: 'refNo', header: '申请编号', type: 'text', required: true, example: 'THSW-GK-2022-001' },
    { key: 'applicantType', header: '申请人类型', type: 'enum', required: true, enum: APPLICANT_TYPES },
    { key: 'channel', header: '申请方式', type: 'enum', required: true, enum: CHANNELS },
    { key: 'receivedOn', header: '收到日期', type: 'date', required: true },
    { key: 'extended', header: '是否延期', type: 'bool' },
    { key: 'repliedOn', header: '答复日期', type: 'date' },
    { key: 'outcome', header: '处理结果', type: 'enum', enum: OUTCOMES as readonly string[] },
    // Optional columns beyond LEDGERS.md: the facts the reply clock's rules need (条例第三十、三十二、三十三条).
    { key: 'extensionApprovedOn', header: '延期批准日期', type: 'date', note: '空白按收到日期计（视为期限内批准）' },
    {
      key: 'correctionNotices',
      header: '补正告知日期',
      type: 'text',
      example: '2022-03-10',
      note: '多次告知的，以顿号分隔各次日期',
      validate: (v) => (parseDates(v) ? undefined : '应为日期（YYYY-MM-DD），多次告知以顿号分隔'),
    },
    { key: 'correctedOn', header: '收到补正日期', type: 'date' },
    { key: 'consultFrom', header: '征求第三方意见起', type: 'date' },
    { key: 'consultTo', header: '征求第三方意见止', type: 'date' },
  ],
  checkRow: (r) => {
    type Key = 'repliedOn' | 'outcome' | 'extensionApprovedOn' | 'correctionNotices' | 'correctedOn' | 'consultFrom' | 'consultTo';
    const out: Array<{ key: Key; message: string }> = [];
    if (r.repliedOn && r.repliedOn < r.receivedOn) out.push({ key: 'repliedOn', message: '答复日期不能早于收到日期' });
    if (r.repliedOn && !r.outcome) out.push({ key: 'outcome', message: '已答复的申请应填写处理结果' });
    if (r.extensionApprovedOn && !r.extended) out.push({ key: 'extensionApprovedOn', message: '填写延期批准日期时“是否延期”应为“是”' });
    if (r.extensionApprovedOn && r.extensionApprovedOn < r.receivedOn) out.push({ key: 'extensionApprovedOn', message: '延期批准日期不能早于收到日期' });
    const notices = parseDates(r.correctionNotices) ?? [];
    if (notices.some((d) => d < r.receivedOn)) out.push({ key: 'correctionNotices', message: '补正告知日期不能早于收到日期' });
    if (r.correctedOn && !notices.length) out.push({ key: 'correctedOn', message: '填写收到补正日期时应填写补正告知日期' });
    if (r.correctedOn && notices.length && r.correctedOn < notices[0]!) out.push({ key: 'correctedOn', message: '收到补正日期不能早于补正告知日期' });
    if (!r.consultFrom !== !r.consultTo) out.push({ key: r.consultFrom ? 'consultTo' : 'consultFrom', message: '征求第三方意见的起止日期应同时填写' });
    if (r.consultFrom && r.consultTo && r.consultTo < r.consultFrom) out.push({ key: 'consultTo', message: '征求第三方意见止日不能早于起日' });
    if (r.consultFrom && r.consultFrom < r.receivedOn) out.push({ key: 'consultFrom', message: '征求第三方意见起日不能早于收到日期' });
    return out;
  },
});
export type RequestRow = RowOf<typeof requestsSpec>;

export const requestsLedger: LedgerDef<RequestRow> = {
  spec: requestsSpec,
  readPermission: 'disclosure.read',
  writePermission: 'disclosure.write',
  undo: demandUndo,
  chunked: true,
  naturalKey: { header: '申请编号', of: (r) => r.refNo },
  commit: (imp, rows) =>
    importDemandRows(imp, disclosureKind, rows, {
      headers: { repliedAt: '答复日期', approvedOn: '延期批准日期' },
      refHeader: '申请编号',
      orgHeader: '申请编号',
      refOf: (r) => r.refNo,
      orgNameOf: () => null,
      toItem: (r, orgId, cal) => {
        // 补正 (art. 30): only a first notice within 7 working days restarts the term; the others are findings.
        const notices = parseDates(r.correctionNotices) ?? [];
        const c = correctionEffect({ receivedOn: r.receivedOn, notices, correctedOn: r.correctedOn, repliedOn: r.repliedOn }, cal);
        const consult = r.consultFrom && r.consultTo ? [{ from: r.consultFrom, to: r.consultTo, reason: PAUSE_THIRD_PARTY }] : [];
        return {
          refNo: r.refNo,
          orgId,
          receivedAt: dateInstant(r.receivedOn)!,
          demandType: r.applicantType,
          channel: r.channel,
          // 是否延期: the ledger does not say by how much; recorded as the statutory 20 working days, approved
          // on 延期批准日期 (blank: on receipt, in time) — one approved after the term does not extend it.
          extensions: r.extended ? [{ n: 20, approvedOn: r.extensionApprovedOn ?? r.receivedOn, approvedBy: LEDGER_APPROVER, reason: '台账记载已延期' }] : [],
          pauses: [...consult, ...c.pauses],
          restartOn: c.restartOn,
          pausedSince: c.pausedSince,
          pauseReason: c.pausedSince ? RESTART_CORRECTION : null,
          breaches: c.breaches,
          // Notices that did not act on the clock are kept as facts of the record (export, record page).
          attrs: c.breaches.length ? { correctionNotices: notices } : {},
          repliedAt: dateInstant(r.repliedOn),
          result: r.outcome,
          closedAt: dateInstant(r.repliedOn),
        };
      },
    }),
  async exportRows(ctx, filter) {
    return (await exportItems(ctx, disclosureKind, filter)).map((r) => {
      const pauses = (r.pauses ?? []) as ClockPause[];
      const extensions = (r.extensions ?? []) as ClockExtension[];
      const consult = pauses.find((p) => p.reason === PAUSE_THIRD_PARTY);
      const notices = ((r.attrs as { correctionNotices?: string[] }).correctionNotices ?? []).concat(
        pauses.filter((p) => p.reason === RESTART_CORRECTION).map((p) => p.from),
        r.paused_since && r.pause_reason === RESTART_CORRECTION ? [r.paused_since] : [],
      );
      const receivedOn = bizDate(r.received_at)!;
      const approvedOn = extensions[0]?.approvedOn ?? null;
      return {
        refNo: r.ref_no,
        applicantType: r.demand_type as RequestRow['applicantType'],
        channel: r.channel as RequestRow['channel'],
        receivedOn,
        extended: extensions.length > 0,
        repliedOn: bizDate(r.replied_at),
        outcome: r.result,
        extensionApprovedOn: approvedOn && approvedOn !== receivedOn ? approvedOn : null,
        correctionNotices: notices.length ? [...new Set(notices)].sort().join('、') : null,
        correctedOn: r.restart_on,
        consultFrom: consult?.from ?? null,
        consultTo: consult?.to ?? null,
      };
    });
  },
};

/** 主动公开 — the `proactive-disclosures` ledger of LEDGERS.md. */
export const proactiveSpec = defineLedgerSpec({
  key: 'proactive-disclosures',
  title: '主动公开',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'section', header: '栏目', type: 'text', required: true, example: '行政执法数据' },
    { key: 'title', header: '标题', type: 'text', required: true },
    { key: 'platform', header: '发布平台', type: 'text', example: '区政府门户网站' },
  ],
});
export type ProactiveRow = RowOf<typeof proactiveSpec>;

/** Rows match on 日期 + 栏目 + 标题 (through {@link saveProactive}); a known row's platform is updated. */
export const proactiveLedger: LedgerDef<ProactiveRow> = {
  spec: proactiveSpec,
  readPermission: 'disclosure.read',
  writePermission: 'disclosure.write',
  undo: { table: 'disclosure_proactive' },
  async commit(imp, rows) {
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const k = `${value.date}|${value.section}|${value.title}`;
      if (seen.has(k)) errors.push({ row: rowNumber, column: '标题', message: `与第${seen.get(k)}行重复`, value: value.title });
      seen.set(k, rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const saved = await saveProactive(
      imp.w,
      imp.ctx.actor,
      rows.map((r) => ({ ...r.value, row: r.rowNumber })),
      { mode: 'historical', imp },
    );
    const n = (a: string) => saved.filter((s) => s.action === a).length;
    return { created: n('created'), updated: n('updated'), unchanged: n('unchanged'), errors: [] };
  },
  async exportRows(ctx) {
    const rows = await proactiveForExport(ctx);
    return rows.map((r) => ({ date: r.published_on, section: r.section, title: r.title, platform: r.platform }));
  },
};
