import { Alert, Flex, Modal, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { entityLabel, entityLink } from '../../../features/registry';
import type { OverrideResult, RecomputeChange } from '../api';

/** After an override change: the deadlines the server recomputed (before → after) and its warnings. */
export function OverrideResultModal({ title, result, onClose }: { title: string; result: OverrideResult; onClose: () => void }) {
  return (
    <Modal open title={title} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="知道了" width={640}>
      <Flex vertical gap={12}>
        {result.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} />
        ))}
        {result.changes.length ? (
          <>
            <Typography.Text>以下 {result.changes.length} 个未完成的期限已按新的日历重新计算：</Typography.Text>
            <Table<RecomputeChange>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={result.changes}
              columns={[
                {
                  title: '期限',
                  dataIndex: 'title',
                  render: (t: string, c) => {
                    const link = entityLink(c.entity, c.entityId);
                    return link ? <Link to={link}>{t}</Link> : t;
                  },
                },
                { title: '所属记录', dataIndex: 'entity', render: (e: string) => entityLabel(e) },
                { title: '原届满日', dataIndex: 'before', width: 110 },
                { title: '新届满日', dataIndex: 'after', width: 110, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              ]}
            />
          </>
        ) : (
          <Alert type="success" showIcon title="保存成功；没有未完成的期限因此改变。" />
        )}
      </Flex>
    </Modal>
  );
}
