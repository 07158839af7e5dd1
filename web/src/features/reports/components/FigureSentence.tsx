import { Tag, Tooltip } from 'antd';
import type { MetricUnit } from '../../metrics/api';
import type { ComposedSentence } from '../api';
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
  return (
    <p className={sentence.missing ? styles.sentenceMissing : styles.sentence} data-testid="figure-sentence" data-missing={sentence.missing || undefined}>
      {sentence.missing ? (
        <Tooltip title="句中有数字没有记录可以支撑：请补录业务数据或删改此句，系统不会编造数字">
          <Tag color="orange" className={styles.flag}>
            待核实
          </Tag>
        </Tooltip>
      ) : null}
      {sentence.segments.map((seg, i) =>
        'text' in seg ? (
          <span key={i}>{seg.text}</span>
        ) : (
          <FigureChip key={i} figure={seg.figure} year={year} unit={units.get(seg.figure.metric)} canEdit={canEdit} onChanged={onChanged} />
        ),
      )}
    </p>
  );
}
