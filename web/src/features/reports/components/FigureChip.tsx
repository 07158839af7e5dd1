import { useState } from 'react';
import { Popover, Tooltip } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { MetricUnit } from '../../metrics/api';
import { drillPath } from '../../metrics/api';
import type { ComposedFigure } from '../api';
import { figureFormat, figureWithUnit } from '../figures';
import { FigureOptionsForm } from './FigureOptionsForm';
import styles from './report.module.css';

interface Props {
  figure: ComposedFigure;
  year: number;
  unit: MetricUnit | undefined;
  canEdit: boolean;
  onChanged: () => void;
}

/**
 * A figure in a sentence: its text as the report states it, linked to the records
 * behind it; the tooltip gives this year's value, last year's and the change; editors
 * set its rounding and 写明同比 from the gear.
 */
export function FigureChip({ figure, year, unit, canEdit, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const format = figureFormat(figure, unit);
  // undefined: no module provides the metric (nothing to drill into); null: no records this year.
  const registered = figure.value !== undefined;
  const tip = (
    <div className={styles.tip}>
      <div className={styles.tipTitle}>{figure.title}</div>
      {registered ? (
        <>
          <div>
            {year}年：{figureWithUnit(figure.value, format)}
          </div>
          <div>
            {year - 1}年：{figureWithUnit(figure.previous, format)}
          </div>
          <div>变化：{figure.change ?? '无可比数据'}</div>
          <div className={styles.tipHint}>点击查看{year}年的明细记录</div>
        </>
      ) : (
        <div>该指标尚无来源（相关业务模块未启用），数字不会编造</div>
      )}
    </div>
  );
  const cls = figure.missing ? styles.chipMissing : figure.approx ? styles.chipApprox : styles.chip;
  return (
    <span className={styles.chipWrap}>
      <Tooltip title={tip}>
        {registered ? (
          <Link to={drillPath(figure.metric, year)} className={cls} data-metric={figure.metric} data-testid="figure-chip">
            {figure.text}
          </Link>
        ) : (
          <span className={cls} data-metric={figure.metric} data-testid="figure-chip">
            {figure.text}
          </span>
        )}
      </Tooltip>
      {figure.yoy ? `（${figure.yoy}）` : null}
      {canEdit && registered ? (
        <Popover
          trigger="click"
          open={open}
          onOpenChange={setOpen}
          title={`数字表述 · ${figure.title}`}
          content={
            <FigureOptionsForm
              key={`${figure.text}|${figure.yoy ?? ''}`}
              figure={figure}
              year={year}
              format={format}
              onSaved={() => {
                setOpen(false);
                onChanged();
              }}
            />
          }
        >
          <button type="button" className={styles.gear} aria-label={`设置“${figure.title}”的表述`} title="取整与同比">
            <SettingOutlined />
          </button>
        </Popover>
      ) : null}
    </span>
  );
}
