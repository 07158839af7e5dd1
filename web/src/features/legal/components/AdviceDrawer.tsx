import { useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, List, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { download, qs, upload } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useRecordCrumb } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import type { Advice, Attachment } from '../api';

/** One 法律顾问 work record: its facts, attachments (upload, download) and history. */
export function AdviceDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const can = useCan();
  const { message } = App.useApp();
  const rec = useApi<Advice>(id ? `/api/legal/advice/${id}` : null);
  const files = useApi<Attachment[]>(id ? `/api/attachments${qs({ entity: 'legal.advice', entityId: id })}` : null);
  const [tick, setTick] = useState(0);
  useRecordCrumb(id !== null ? rec.data?.title : null);
  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={rec.data?.title ?? '工作记录'} destroyOnHidden>
      <ErrorAlert error={rec.error} />
      {rec.data ? (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="日期">{rec.data.date}</Descriptions.Item>
            <Descriptions.Item label="类型">{rec.data.kind}</Descriptions.Item>
            <Descriptions.Item label="顾问单位" span={2}>
              {rec.data.firm ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label="承办人">{rec.data.handler ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="意见摘要">{rec.data.opinion ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Card
            size="small"
            title="附件（审查的文件、出具的意见）"
            style={{ marginBottom: 16 }}
            extra={
              can('legal.write') ? (
                <Upload
                  showUploadList={false}
                  customRequest={async ({ file, onSuccess, onError }) => {
                    try {
                      await upload('/api/attachments', file as File, { fields: { entity: 'legal.advice', entityId: id! } });
                      message.success('附件已上传');
                      files.reload();
                      setTick((t) => t + 1);
                      onSuccess?.({});
                    } catch (e) {
                      message.error((e as Error).message);
                      onError?.(e as Error);
                    }
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />}>
                    上传附件
                  </Button>
                </Upload>
              ) : null
            }
          >
            <List
              size="small"
              dataSource={files.data ?? []}
              locale={{ emptyText: '暂无附件' }}
              renderItem={(a) => (
                <List.Item
                  extra={
                    <Button type="link" size="small" onClick={() => download(`/api/attachments/${a.id}/content`, a.filename)}>
                      下载
                    </Button>
                  }
                >
                  {a.filename}
                </List.Item>
              )}
            />
          </Card>
          <RecordHistory key={tick} entity="legal.advice" id={id!} />
        </>
      ) : null}
    </Drawer>
  );
}
