import { useState } from 'react';
import { App, Switch, Tag, Tooltip } from 'antd';
import { api } from '../../../api/client';
import type { MetricUnit } from '../../metrics/api';
import type { ComposedSentence } from '../api';
import { withKeys } from '../../../lib/keys';
import { FigureChip } from './FigureChip';
import styles from './report.module.css';

interface Props {
  sentence: ComposedSentence;
  year: number;
  units: ReadonlyMap<string, MetricUnit>;
  canEdit: boolean;
  onChanged: () => void;
}

/** A sentence generated from the metric registry; one with a figure the data cannot support is highlighted 待核实. */
export function FigureSentence({ sentence, year, units, canEdit, onChanged }: Props) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const opt = sentence.optional;
  const figure = sentence.segments.find((s) => 'figure' in s && s.figure.metric === opt?.metric);
  const include = async (on: boolean) => {
    if (!opt) return;
    setSaving(true);
    try {
      const f = figure && 'figure' in figure ? figure.figure : undefined;
      await api.put(`/api/reports/rule-of-law/${year}/figures/${encodeURIComponent(opt.metric)}`, {
        rounding: f?.rounding ?? 'exact',
        stateYoy: f?.stateYoy ?? false,
        include: on,
      });
      onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const excluded = opt && !opt.included;
  return (
    <p
      className={sentence.missing ? styles.sentenceMissing : styles.sentence}
      style={excluded ? { opacity: 0.45 } : undefined}
      data-testid="figure-sentence"
      data-missing={sentence.missing || undefined}
      data-optional={opt ? (opt.included ? 'included' : 'excluded') : undefined}
    >
      {opt ? (
        <Tooltip title="同类指标（如各监测断面）中由本局选择写入报告的句子">
          <Switch
            size="small"
            checked={opt.included}
            disabled={!canEdit}
            loading={saving}
            onChange={include}
            checkedChildren="写入"
            unCheckedChildren="不写"
            style={{ marginRight: 8 }}
          />
        </Tooltip>
      ) : null}
      {sentence.missing ? (
        <Tooltip title="句中有数字没有记录可以支撑：请补录业务数据或删改此句，系统不会编造数字">
          <Tag color="orange" className={styles.flag}>
            待核实
          </Tag>
        </Tooltip>
      ) : null}
      {withKeys(sentence.segments, (seg) => ('text' in seg ? `t:${seg.text}` : `f:${seg.figure.metric}`)).map(({ key, item: seg }) =>
        'text' in seg ? (
          <span key={key}>{seg.text}</span>
        ) : (
          <FigureChip key={key} figure={seg.figure} year={year} unit={units.get(seg.figure.metric)} canEdit={canEdit} onChanged={onChanged} />
        ),
      )}
    </p>
  );
}
