import { useState } from 'react';
import { App, Button, Flex, Select, Switch, Typography } from 'antd';
import { ApiError } from '../../../api/client';
import { reportsApi, ROUNDING_OPTIONS, type ComposedFigure, type FigureFormat, type Rounding } from '../api';
import { figureRounding, figureStatesYoy } from '../figures';

interface Props {
  figure: ComposedFigure;
  year: number;
  /** Rounding applies to counts only; other formats offer just 写明同比. */
  format: FigureFormat | undefined;
  /** Called after the option is saved (the report is composed again). */
  onSaved: () => void;
}

/** 数字表述 — how one figure is written in the year's report: rounded to 余/逾, and whether the change on last year is stated. */
export function FigureOptionsForm({ figure, year, format, onSaved }: Props) {
  const { message } = App.useApp();
  const [rounding, setRounding] = useState<Rounding>(() => figureRounding(figure));
  const [stateYoy, setStateYoy] = useState(() => figureStatesYoy(figure));
  const [saving, setSaving] = useState(false);
  const roundable = format === undefined || format === 'count';

  const save = async () => {
    setSaving(true);
    try {
      await reportsApi.setFigureOption(year, figure.metric, roundable ? rounding : 'exact', stateYoy);
      message.success(`已更新“${figure.title}”的表述`);
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={12} style={{ width: 300 }} data-testid={`figure-options-${figure.metric}`}>
      {roundable ? (
        <div>
          <Typography.Text type="secondary">取整</Typography.Text>
          <Select<Rounding>
            style={{ width: '100%', marginTop: 4 }}
            value={rounding}
            onChange={setRounding}
            options={ROUNDING_OPTIONS.map((o) => ({ value: o.value, label: `${o.label} · ${o.example}` }))}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            数值恰为整数时照写原数（不写“余/逾”）。
          </Typography.Text>
        </div>
      ) : null}
      <Flex justify="space-between" align="center">
        <span>写明同比</span>
        <Switch checked={stateYoy} onChange={setStateYoy} checkedChildren="写明" unCheckedChildren="不写" />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {figure.change ? `将写作：${figure.text}（${figure.change}）` : '上年无可比数据，即使开启也不会写明同比。'}
      </Typography.Text>
      <Flex justify="flex-end">
        <Button type="primary" size="small" loading={saving} onClick={save}>
          保存表述
        </Button>
      </Flex>
    </Flex>
  );
}
