import { Button, Flex, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { importsPath, type ImportSuccess } from '../api';
import { ImportCounts } from './ImportCounts';
import { FindingsSection, IgnoredRowsList } from './ImportFindings';

/** 导入成功 — what was written, the findings marked on the records, the rows skipped, and a link to the import's record. */
export function ImportDone({ file, result, onAgain }: { file: File; result: ImportSuccess; onAgain: () => void }) {
  const navigate = useNavigate();
  const canAudit = useCan()('system.audit.read');
  return (
    <Flex vertical gap={16}>
      <Result
        status="success"
        title="导入成功"
        subTitle={`文件“${file.name}”共 ${result.rows} 行已导入，并已记入导入记录和审计日志。`}
        extra={[
          <Button key="again" type="primary" onClick={onAgain}>
            继续导入
          </Button>,
          result.importId ? (
            <Button key="record" data-testid="import-record-link" onClick={() => navigate(importsPath(result.importId))}>
              查看本次导入记录
            </Button>
          ) : null,
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
      <FindingsSection findings={result.findings} count={result.findingCount} done />
      <IgnoredRowsList rows={result.ignoredRows} />
    </Flex>
  );
}
