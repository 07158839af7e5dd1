import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../api/session';
import type { ImportResult } from '../api';
import { ImportCounts } from './ImportCounts';

/** 导入成功 — what was written. */
export function ImportDone({ file, result, onAgain }: { file: File; result: Extract<ImportResult, { ok: true }>; onAgain: () => void }) {
  const navigate = useNavigate();
  const canAudit = useCan()('system.audit.read');
  return (
    <Result
      status="success"
      title="导入成功"
      subTitle={`文件“${file.name}”共 ${result.rows} 行已导入，并已记入审计日志。`}
      extra={[
        <Button key="again" type="primary" onClick={onAgain}>
          继续导入
        </Button>,
        <Button key="list" onClick={() => navigate('/ledgers')}>
          返回台账列表
        </Button>,
        canAudit ? (
          <Button key="audit" onClick={() => navigate('/system/audit')}>
            查看审计日志
          </Button>
        ) : null,
      ]}
    >
      <ImportCounts created={result.created} updated={result.updated} unchanged={result.unchanged} />
    </Result>
  );
}
