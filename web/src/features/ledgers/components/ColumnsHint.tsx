import { Table, Tag, Typography } from 'antd';
import type { LedgerInfo } from '../api';

const TYPE_LABELS: Record<string, string> = {
  text: '文本',
  int: '整数',
  decimal: '数值',
  money: '金额（元）',
  date: '日期',
  datetime: '日期时间',
  bool: '是/否',
  enum: '单选',
  list: '多选（以顿号分隔）',
  idcard: '身份证号',
  uscc: '统一社会信用代码',
  idno: '证件号码',
};

/** 文件要求 — the columns the file must have (首行为表头). */
export function ColumnsHint({ ledger }: { ledger: LedgerInfo }) {
  return (
    <div>
      <Typography.Text type="secondary">文件首行为表头，列如下（* 为必填；列的顺序不限）：</Typography.Text>
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        style={{ marginTop: 8 }}
        dataSource={ledger.columns}
        columns={[
          { title: '列', dataIndex: 'header', width: 200, render: (h: string, c) => (c.required ? <strong>* {h}</strong> : h) },
          { title: '类型', dataIndex: 'type', width: 160, render: (t: string) => TYPE_LABELS[t] ?? t },
          { title: '可选值', dataIndex: 'enum', render: (e: string[] | null) => (e ? e.map((v) => <Tag key={v}>{v}</Tag>) : '—') },
        ]}
      />
    </div>
  );
}
