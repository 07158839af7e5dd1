import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { FormModal } from '../../../components/FormModal';
import { CATEGORIES, decisionsApi, type CatalogueItem } from '../api';

/** 年度重大行政决策事项目录 — the items of a year, added and published here; the public page lists the published ones. */
export function CataloguePage() {
  const can = useCan();
  const { message } = App.useApp();
  const [chosen, setYear] = useState<number | undefined>();
  // Every year's items: the page opens on the newest catalogue.
  const res = useApi<CatalogueItem[]>('/api/decisions/catalogue');
  const year = chosen ?? (Math.max(0, ...(res.data ?? []).map((i) => i.year)) || dayjs().year());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<CatalogueItem | null>(null);
  const remove = async (item: CatalogueItem) => {
    try {
      await decisionsApi.deleteItem(item);
      message.success(`已删除“${item.title}”`);
    } catch (e) {
      message.error((e as Error).message);
    }
    res.reload();
  };
  const [publishing, setPublishing] = useState(false);
  const items = (res.data ?? []).filter((i) => i.year === year);
  const unpublished = items.some((i) => !i.publishedOn);
  return (
    <>
      <PageTitle
        title="年度重大行政决策事项目录"
        description="决策机关确定年度决策事项目录，经同级党委同意后向社会公布（重大行政决策程序暂行条例第三条第三款）。"
        extra={
          <Space wrap>
            <Link to="/public/major-decisions" target="_blank">
              公开页面
            </Link>
            {can('decisions.write') ? (
              <>
                <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-item">
                  添加事项
                </Button>
                <Button type="primary" icon={<SendOutlined />} disabled={!unpublished} onClick={() => setPublishing(true)} data-testid="publish-catalogue">
                  公布目录
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && setYear(d.year())}
            format="YYYY年"
            data-testid="catalogue-year"
          />
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<CatalogueItem>
          rowKey="id"
          data-testid="catalogue-table"
          loading={res.loading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: `${year}年尚未登记决策事项目录` }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 60 },
            { title: '决策事项', dataIndex: 'title' },
            { title: '事项类别', dataIndex: 'category', width: 170 },
            { title: '承办单位', dataIndex: 'orgName', width: 130 },
            { title: '计划完成时间', dataIndex: 'planned', width: 130, render: (x: string | null) => x ?? '—' },
            { title: '决策', dataIndex: 'decisions', width: 70, render: (n: number) => (n ? `${n} 项` : '—') },
            { title: '公布', dataIndex: 'publishedOn', width: 120, render: (x: string | null) => (x ? <Tag color="green">{x}</Tag> : <Tag>未公布</Tag>) },
            ...(can('decisions.write')
              ? [
                  {
                    title: '操作',
                    key: 'actions',
                    width: 130,
                    render: (_: unknown, i: CatalogueItem) => {
                      // After publication the catalogue is adjusted by the same procedure, not edited (第三条第三款).
                      const published = i.publishedOn ? `目录已于${i.publishedOn}公布，调整须按原程序报批后重新公布（条例第三条第三款）` : null;
                      const used = i.decisions ? `该事项下已登记${i.decisions}项决策，不能删除` : null;
                      return (
                        <Space size={0}>
                          <Tooltip title={published}>
                            <Button
                              type="link"
                              size="small"
                              icon={<EditOutlined />}
                              disabled={!!published}
                              onClick={() => setEditing(i)}
                              data-testid={`edit-item-${i.seq}`}
                            >
                              修改
                            </Button>
                          </Tooltip>
                          <Tooltip title={published ?? used}>
                            <Popconfirm
                              title={`删除“${i.title}”？`}
                              okText="删除"
                              cancelText="取消"
                              okButtonProps={{ danger: true }}
                              disabled={!!(published ?? used)}
                              onConfirm={() => remove(i)}
                            >
                              <Button
                                type="link"
                                size="small"
                                danger
                                icon={<DeleteOutlined />}
                                disabled={!!(published ?? used)}
                                data-testid={`delete-item-${i.seq}`}
                              >
                                删除
                              </Button>
                            </Popconfirm>
                          </Tooltip>
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {adding ? (
        <AddItemModal
          year={year}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            res.reload();
          }}
        />
      ) : null}
      {editing ? (
        <AddItemModal
          year={year}
          item={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            message.success('目录事项已修改');
            res.reload();
          }}
        />
      ) : null}
      {publishing ? (
        <PublishModal
          year={year}
          onClose={() => setPublishing(false)}
          onDone={() => {
            setPublishing(false);
            message.success(`${year}年目录已公布`);
            res.reload();
          }}
        />
      ) : null}
    </>
  );
}

/** 添加 or (with `item`) 修改 a catalogue item. */
function AddItemModal({ year, item, onClose, onDone }: { year: number; item?: CatalogueItem; onClose(): void; onDone(): void }) {
  return (
    <FormModal
      title={item ? `修改${year}年目录事项` : `添加${year}年目录事项`}
      okText={item ? '保存' : '添加'}
      width={520}
      initialValues={item ? { seq: item.seq, title: item.title, category: item.category, planned: item.planned ?? undefined } : undefined}
      onSubmit={(v) =>
        item ? decisionsApi.editItem(item.id, { ...v, planned: v.planned ?? null, version: item.version }) : decisionsApi.addItem({ ...v, year })
      }
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item name="seq" label="序号" extra={item ? undefined : '留空为下一个序号'} rules={item ? [{ required: true, message: '请填写序号' }] : undefined}>
        <InputNumber min={1} max={999} />
      </Form.Item>
      <Form.Item name="title" label="决策事项" rules={[{ required: true, message: '请填写决策事项' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="category" label="事项类别" rules={[{ required: true, message: '请选择事项类别' }]} extra="条例第三条第一款">
        <Select options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="planned" label="计划完成时间">
        <Input maxLength={100} placeholder="如：2022年第三季度" />
      </Form.Item>
    </FormModal>
  );
}

function PublishModal({ year, onClose, onDone }: { year: number; onClose(): void; onDone(): void }) {
  return (
    <FormModal
      title={`公布${year}年决策事项目录`}
      okText="公布"
      width={520}
      initialValues={{ publishedOn: dayjs() }}
      onSubmit={(v) => decisionsApi.publish(year, v.publishedOn as string)}
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item
        name="publishedOn"
        label="公布日期"
        rules={[{ required: true, message: '请选择公布日期' }]}
        extra="未公布的事项均以此日期公布，并在公开页面列出"
      >
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
