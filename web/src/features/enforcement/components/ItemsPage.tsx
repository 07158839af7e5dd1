import { Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { Item } from '../api';
import { useItems } from '../hooks/useEnforcement';

/** 执法事项目录 — legal basis, penalty basis and the discretion benchmark of each item; those delegated to the streets marked. */
export function ItemsPage() {
  const list = useItems();
  const [only, setOnly] = useState<'' | 'delegated'>('');
  const rows = (list.data ?? []).filter((i) => !only || i.delegated);
  return (
    <>
      <PageTitle title="执法事项目录" description={`共 ${list.data?.length ?? 0} 项，其中下放街道 ${(list.data ?? []).filter((i) => i.delegated).length} 项；裁量基准按情节给出罚款幅度。`} extra={<Segmented value={only} onChange={(v) => setOnly(v as typeof only)} options={[{ label: '全部', value: '' }, { label: '下放街道', value: 'delegated' }]} />} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Item> rowKey="id" size="middle" loading={list.loading} dataSource={rows} pagination={{ pageSize: 20 }} columns={[
          { title: '事项编码', dataIndex: 'code', width: 170 },
          { title: '事项名称', dataIndex: 'name' },
          { title: '法律依据', dataIndex: 'legalBasis', width: 240 },
          { title: '处罚依据', dataIndex: 'penaltyBasis', width: 240 },
          { title: '裁量基准', dataIndex: 'discretion', width: 300, render: (ls: Item['discretion']) => <Space wrap size={4}>{ls.map((l) => <Tag key={l.level}>{l.label} {l.minYuan}—{l.maxYuan}元{l.waiver ? '·首违可不罚' : ''}</Tag>)}</Space> },
          { title: '下放街道', dataIndex: 'delegated', width: 90, render: (v: boolean) => (v ? <Tag color="blue">是</Tag> : '否') },
        ]} />
      </Card>
    </>
  );
}
