import { Alert, Card, Descriptions, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { DiscretionLevel, Item } from '../api';
import { useItems } from '../hooks/useEnforcement';
import { PaymentPlaceCard } from './PaymentPlaceCard';

/** One derived level as a tag: circumstance, range, waiver. */
export function LevelTag({ l, color }: { l: DiscretionLevel; color?: string }) {
  return (
    <Tag color={color}>
      {l.label} {l.rangeText}
      {l.waiver ? '·首违可不罚' : ''}
    </Tag>
  );
}

/** The 裁量基准 of an item: the text as written, the levels derived from it, and what could not be read. */
export function DiscretionDetail({ item }: { item: Item }) {
  const none = !!item.discretionText && !item.discretion.length;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'text',
          label: '裁量基准（原文）',
          children: item.discretionText ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.discretionText}</Typography.Paragraph>
          ) : (
            '—'
          ),
        },
        {
          key: 'levels',
          label: '解析出的情节与幅度',
          children: item.discretion.length ? (
            <Space wrap size={4}>
              {item.discretion.map((l) => (
                <LevelTag key={l.level} l={l} />
              ))}
            </Space>
          ) : none ? (
            <Alert type="warning" showIcon title="未能从原文解析出金额区间，办案时请对照原文裁量" />
          ) : (
            '—'
          ),
        },
        ...(item.discretionUnparsed.length
          ? [
              {
                key: 'unparsed',
                label: '未能解析的部分',
                children: (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {item.discretionUnparsed.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 执法事项目录 — legal basis, penalty basis and the discretion benchmark of each item; those delegated to the streets marked. */
export function ItemsPage() {
  const list = useItems();
  const [only, setOnly] = useState<'' | 'delegated'>('');
  const rows = (list.data ?? []).filter((i) => !only || i.delegated);
  return (
    <>
      <PageTitle
        title="执法事项目录"
        description={`共 ${list.data?.length ?? 0} 项，其中下放街道 ${(list.data ?? []).filter((i) => i.delegated).length} 项；裁量基准按原文公示，并尽量解析出各情节的罚款幅度（展开行查看原文）。`}
        extra={
          <Segmented
            value={only}
            onChange={(v) => setOnly(v as typeof only)}
            options={[
              { label: '全部', value: '' },
              { label: '下放街道', value: 'delegated' },
            ]}
          />
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <PaymentPlaceCard />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Item>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          expandable={{ expandedRowRender: (i) => <DiscretionDetail item={i} />, rowExpandable: (i) => !!i.discretionText || i.discretion.length > 0 }}
          columns={[
            { title: '事项编码', dataIndex: 'code', width: 170 },
            { title: '事项名称', dataIndex: 'name' },
            { title: '法律依据', dataIndex: 'legalBasis', width: 240 },
            { title: '处罚依据', dataIndex: 'penaltyBasis', width: 240 },
            {
              title: '裁量基准',
              dataIndex: 'discretion',
              width: 300,
              render: (_: unknown, i: Item) => (
                <Space wrap size={4}>
                  {i.discretion.map((l) => (
                    <LevelTag key={l.level} l={l} />
                  ))}
                  {i.discretionText && !i.discretion.length ? (
                    <Tooltip title={i.discretionText}>
                      <Tag color="warning">未能解析出金额区间，见原文</Tag>
                    </Tooltip>
                  ) : null}
                  {i.discretion.length && i.discretionUnparsed.length ? (
                    <Tooltip title={i.discretionUnparsed.join('；')}>
                      <Tag color="default">另有{i.discretionUnparsed.length}处未解析</Tag>
                    </Tooltip>
                  ) : null}
                </Space>
              ),
            },
            { title: '下放街道', dataIndex: 'delegated', width: 90, render: (v: boolean) => (v ? <Tag color="blue">是</Tag> : '否') },
          ]}
        />
      </Card>
    </>
  );
}
