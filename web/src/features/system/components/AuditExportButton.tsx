import { Button, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { auditQuery, type AuditSearch } from '../hooks/useAuditEvents';

/** Most events one export writes (the server's list export cap, src/core/lists.ts). */
export const AUDIT_EXPORT_CAP = 50_000;

/** 导出 — exactly the searched events as an Excel file (at most {@link AUDIT_EXPORT_CAP}; more is refused, saying so). */
export function AuditExportButton({ search, disabled }: { search: AuditSearch; disabled?: boolean }) {
  return (
    <Tooltip title={`导出当前查询条件下的全部记录（Excel），单次至多 ${AUDIT_EXPORT_CAP.toLocaleString('zh-CN')} 条；超出请缩小时间范围`}>
      <Button icon={<DownloadOutlined />} href={`/api/audit/export${auditQuery(search)}`} download disabled={disabled} data-testid="audit-export">
        导出
      </Button>
    </Tooltip>
  );
}
