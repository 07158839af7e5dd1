import { Alert, Button, Flex } from 'antd';
import type { ImportSuccess } from '../api';
import { ImportCounts } from './ImportCounts';
import { FindingsSection, IgnoredRowsList } from './ImportFindings';

interface Props {
  file: File;
  preview: ImportSuccess;
  importing: boolean;
  onConfirm: () => void;
  onReset: () => void;
}

/** 预检通过 — what the import will do, the past records' rule breaches it will mark, the rows it skips, and 确认导入. */
export function ImportPreview({ file, preview, importing, onConfirm, onReset }: Props) {
  const clean = preview.findingCount === 0;
  return (
    <Flex vertical gap={16}>
      <Alert
        type="success"
        showIcon
        data-testid="import-ready"
        title={`预检通过：文件“${file.name}”共 ${preview.rows} 行，${clean ? '未发现问题' : `可以导入（发现 ${preview.findingCount} 条历史问题，见下表）`}`}
        description="确认后将按以下结果写入，并记入审计日志。"
      />
      <ImportCounts created={preview.created} updated={preview.updated} unchanged={preview.unchanged} />
      <FindingsSection findings={preview.findings} count={preview.findingCount} done={false} />
      <IgnoredRowsList rows={preview.ignoredRows} />
      <Flex gap={8}>
        <Button type="primary" onClick={onConfirm} loading={importing}>
          确认导入
        </Button>
        <Button onClick={onReset} disabled={importing}>
          重新选择文件
        </Button>
      </Flex>
    </Flex>
  );
}
