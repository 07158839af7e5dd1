import { Alert, Descriptions, Table, Tag } from 'antd';
import { CLASS_COLOR, GRADE_COLOR, GRADE_LABEL, isLakeOrReservoir, MEASURES, PARAM_LABEL, type BlackGrade, type Sample } from '../api';

const PARAM_OF: Record<string, string> = { doMgl: 'do', codmnMgl: 'codmn', codMgl: 'cod', bod5Mgl: 'bod5', nh3nMgl: 'nh3n', tpMgl: 'tp', tnMgl: 'tn' };
const BLACK_OF: Record<string, string> = { transparencyCm: 'transparency', doMgl: 'do', orpMv: 'orp', nh3nMgl: 'nh3n' };

/** A sample's judgement: its class (the worst parameter decides), its black-odour grade, each parameter's part, and its alert. */
export function SampleResult({ s }: { s: Sample }) {
  return (
    <>
      {s.alert ? (
        <Alert
          type="error"
          showIcon
          title={`已向${s.alert.owner}发出${s.alert.gradeLabel}预警`}
          description={s.alert.message}
          style={{ marginBottom: 12 }}
          data-testid="sample-alert"
        />
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={2}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'r', label: '河涌 / 断面', children: `${s.river}${s.section ? ` / ${s.section}` : ''}（${s.waterType}）` },
          { key: 'd', label: '采样日期', children: s.sampledOn },
          {
            key: 'c',
            label: '水质类别（GB 3838-2002）',
            children: s.gbClass ? (
              <>
                <Tag color={CLASS_COLOR[s.gbClass]} data-testid="sample-class">
                  {s.gbClass}类
                </Tag>
                由{s.classDecidedBy.map((p) => PARAM_LABEL[p]).join('、')}决定
                {isLakeOrReservoir(s.waterType) ? '（湖、库：总磷按湖库限值，评价总氮）' : ''}
              </>
            ) : (
              '未评价'
            ),
          },
          {
            key: 'g',
            label: '黑臭分级（2015年指南）',
            children: s.blackGrade ? (
              <Tag color={GRADE_COLOR[s.blackGrade]} data-testid="sample-grade">
                {GRADE_LABEL[s.blackGrade]}
              </Tag>
            ) : (
              '未评价'
            ),
          },
        ]}
      />
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={MEASURES.filter(([k]) => s[k] != null).map(([k, label, unit]) => ({ key: k, label, unit, value: s[k] }))}
        columns={[
          { title: '指标', dataIndex: 'label' },
          { title: '数值', key: 'v', render: (_, r) => `${r.value} ${r.unit}` },
          {
            title: '单项类别',
            key: 'c',
            render: (_, r) =>
              PARAM_OF[r.key] && s.classByParam[PARAM_OF[r.key]!] ? (
                <Tag color={CLASS_COLOR[s.classByParam[PARAM_OF[r.key]!]!]}>{s.classByParam[PARAM_OF[r.key]!]}</Tag>
              ) : (
                '—'
              ),
          },
          {
            title: '黑臭判定',
            key: 'b',
            render: (_, r) => {
              const g = BLACK_OF[r.key] ? (s.blackByParam[BLACK_OF[r.key]!] as BlackGrade | undefined) : undefined;
              if (!g) return '—';
              return (
                <>
                  <Tag color={GRADE_COLOR[g]}>{GRADE_LABEL[g]}</Tag>
                  {r.key === 'transparencyCm' && s.transparencyBound !== 25 ? `（水深不足25cm，阈值取水深的40%：${s.transparencyBound}cm）` : ''}
                </>
              );
            },
          },
        ]}
      />
    </>
  );
}
