import { useEffect, useState } from 'react';
import { Alert, Descriptions, Space, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import type { Item } from '../api';

interface Props {
  item: Item;
  level: string | null;
  fineYuan: number;
  firstViolation: boolean;
  kinds: string[];
}

interface Result {
  range: { label: string; minYuan: number; maxYuan: number; waiver?: boolean } | null;
  waiverAllowed: boolean;
  problems: string[];
}

/** 裁量计算器 — the benchmark range for the chosen circumstance and the server's check of the proposed fine. */
export function DiscretionCalculator({ item, level, fineYuan, firstViolation, kinds }: Props) {
  const [r, setR] = useState<Result | null>(null);
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      api
        .post<Result>('/api/enforcement/discretion', { itemId: item.id, level, fineYuan: Number.isFinite(fineYuan) ? fineYuan : 0, firstViolation, kinds })
        .then((x) => live && setR(x))
        .catch(() => live && setR(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [item.id, level, fineYuan, firstViolation, kinds.join()]);
  return (
    <div data-testid="discretion-calculator" style={{ background: '#fafafa', padding: 12, borderRadius: 6 }}>
      <Typography.Text strong>裁量基准：{item.code} {item.name}</Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 8 }} items={[
        { key: 'basis', label: '处罚依据', children: item.penaltyBasis ?? '—' },
        { key: 'levels', label: '各情节幅度', children: <Space wrap>{item.discretion.map((l) => <Tag key={l.level} color={l.level === level ? 'blue' : undefined}>{l.label} {l.minYuan.toLocaleString('zh-CN')}—{l.maxYuan.toLocaleString('zh-CN')}元{l.waiver ? '（首违可不罚）' : ''}</Tag>)}</Space> },
        ...(r?.range ? [{ key: 'range', label: '适用幅度', children: `${r.range.label}：${r.range.minYuan.toLocaleString('zh-CN')}—${r.range.maxYuan.toLocaleString('zh-CN')}元${r.waiverAllowed ? '；可适用首违不罚（行政处罚法第三十三条）' : ''}` }] : []),
      ]} />
      {r && r.problems.length ? <Alert type="warning" showIcon title={r.problems.join('；')} /> : r?.range ? <Alert type="success" showIcon title="所拟金额在裁量基准幅度内" /> : null}
    </div>
  );
}
