import { useEffect, useState } from 'react';
import { Alert, Descriptions, InputNumber, Space, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import type { DiscretionLevel, Item } from '../api';
import { LevelTag } from './ItemsPage';
import { formatYuan } from '../../../lib/format';

interface Props {
  item: Item;
  level: string | null;
  fineYuan: number;
  firstViolation: boolean;
  kinds: string[];
}

interface Result {
  range: Omit<DiscretionLevel, 'rangeText'> | null;
  /** The money range of the level (for a multiple: computed from the base amount). */
  bounds: { minYuan: number; maxYuan: number | null } | null;
  waiverAllowed: boolean;
  problems: string[];
  notices: string[];
}

const BASIS_LABELS: Record<NonNullable<DiscretionLevel['basis']>, string> = { illegal_gains: '违法所得', goods_value: '货值金额' };
const yuan = (v: number) => formatYuan(v, { unit: false });

/** 裁量计算器 — the benchmark range for the chosen circumstance and the server's check of the proposed fine. */
export function DiscretionCalculator({ item, level, fineYuan, firstViolation, kinds }: Props) {
  const [r, setR] = useState<Result | null>(null);
  const [baseYuan, setBaseYuan] = useState<number | null>(null);
  const chosen = item.discretion.find((l) => l.level === level) ?? null;
  const basis = chosen?.basis ?? null;
  // The kinds by value (a new array each render would re-run the check).
  const kindsKey = JSON.stringify(kinds);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      const baseFen = basis && baseYuan !== null && Number.isFinite(baseYuan) ? Math.round(baseYuan * 100) : null;
      api
        .post<Result>('/api/enforcement/discretion', {
          itemId: item.id,
          level,
          fineYuan: Number.isFinite(fineYuan) ? fineYuan : 0,
          firstViolation,
          kinds: JSON.parse(kindsKey) as string[],
          baseFen,
        })
        .then((x) => live && setR(x))
        .catch(() => live && setR(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [item.id, level, fineYuan, firstViolation, kindsKey, basis, baseYuan]);
  const bounds = r?.bounds ? (r.bounds.maxYuan === null ? `${yuan(r.bounds.minYuan)}元以上` : `${yuan(r.bounds.minYuan)}—${yuan(r.bounds.maxYuan)}元`) : null;
  return (
    <div data-testid="discretion-calculator" style={{ background: '#fafafa', padding: 12, borderRadius: 6 }}>
      <Typography.Text strong>
        裁量基准：{item.code} {item.name}
      </Typography.Text>
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          { key: 'basis', label: '处罚依据', children: item.penaltyBasis ?? '—' },
          ...(item.discretionText
            ? [{ key: 'text', label: '裁量基准原文', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{item.discretionText}</Typography.Text> }]
            : []),
          {
            key: 'levels',
            label: '各情节幅度',
            children: item.discretion.length ? (
              <Space wrap>
                {item.discretion.map((l) => (
                  <LevelTag key={l.level} l={l} color={l.level === level ? 'blue' : undefined} />
                ))}
              </Space>
            ) : item.discretionText ? (
              <Tag color="warning">未能从原文解析出金额区间</Tag>
            ) : (
              '—'
            ),
          },
          ...(basis
            ? [
                {
                  key: 'base',
                  label: `${BASIS_LABELS[basis]}（元）`,
                  children: (
                    <InputNumber
                      data-testid="discretion-base"
                      min={0}
                      precision={2}
                      style={{ width: 200 }}
                      value={baseYuan}
                      onChange={(v) => setBaseYuan(typeof v === 'number' ? v : null)}
                      placeholder={`按${BASIS_LABELS[basis]}计算罚款幅度`}
                    />
                  ),
                },
              ]
            : []),
          ...(r?.range
            ? [
                {
                  key: 'range',
                  label: '适用幅度',
                  children: `${r.range.label}：${chosen?.rangeText ?? ''}${bounds && r.range.basis ? `，即${bounds}` : ''}${r.waiverAllowed ? '；可适用首违不罚（行政处罚法第三十三条）' : ''}`,
                },
              ]
            : []),
        ]}
      />
      {r?.notices.length ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title={r.notices.map((n) => <div key={n}>{n}</div>)} /> : null}
      {r?.problems.length ? (
        <Alert type="warning" showIcon title={r.problems.join('；')} />
      ) : r?.bounds ? (
        <Alert type="success" showIcon title="所拟金额在裁量基准幅度内" />
      ) : null}
    </div>
  );
}
