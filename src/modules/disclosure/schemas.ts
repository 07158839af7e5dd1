/** What the disclosure module's own routes answer (the requests' shared lifecycle is the demands module's). */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { IsoDateString, Nullable, Str, Int } from '../../core/schemas.js';

const Counts = Type.Array(Int);

/** A proactive disclosure (主动公开信息). */
export const ProactiveView = Type.Object({ id: Str, date: IsoDateString, section: Str, title: Str, platform: Nullable(Str) }, { description: '主动公开信息' });
export type ProactiveView = Static<typeof ProactiveView>;

/** The id of a record created. */
export const CreatedView = Type.Object({ id: Str });

/** A write that answers nothing more than its success. */
export const OkView = Type.Object({ ok: Type.Literal(true) });

/** 政府信息公开工作年度报告: its tables computed from the records, the check rule's result, the texts. */
export const DisclosureReportView = Type.Object(
  {
    year: Int,
    bureau: Str,
    /** 二、主动公开政府信息情况: template rows with figures (null where no module provides them). */
    proactive: Type.Array(Type.Object({ item: Str, measure: Str, value: Nullable(Type.Number()), source: Str })),
    /** Proactive items of the year by 栏目. */
    proactiveBySection: Type.Array(Type.Object({ section: Str, count: Int })),
    /** 三、收到和处理政府信息公开申请情况: counts by row × applicant column, plus 总计. */
    requests: Type.Object({
      columns: Type.Array(Str),
      rows: Type.Array(Type.Object({ label: Str, level: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)]), key: Str, counts: Counts })),
      check: Type.Object({ ok: Type.Boolean(), problems: Type.Array(Str) }),
    }),
    /** 四、行政复议、行政诉讼情况: counts by result, plus 总计. */
    remedies: Type.Array(Type.Object({ kind: Str, counts: Counts })),
    /** The report's texts by section (总体情况, 存在的主要问题及改进情况, 其他需要报告的事项). */
    narrative: Type.Record(Str, Str),
  },
  { description: '政府信息公开工作年度报告' },
);
export type DisclosureReport = Static<typeof DisclosureReportView>;
