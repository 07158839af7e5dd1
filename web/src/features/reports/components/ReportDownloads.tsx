import { useState } from 'react';
import { App, Button, Tooltip } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined, FileWordOutlined } from '@ant-design/icons';
import { ApiError, download } from '../../../api/client';
import { reportsApi, type DocumentFormat } from '../api';

type Job = DocumentFormat | 'metrics';

/** 生成报告文件 — Word in the official layout, HTML with drill-down links, PDF; and every metric of the year as xlsx. */
export function ReportDownloads({ year, dirty }: { year: number /** Unsaved edits are not in the file. */; dirty?: boolean }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Job | null>(null);

  const run = async (job: Job) => {
    setBusy(job);
    try {
      const path = job === 'metrics' ? reportsApi.metricsXlsxPath(year) : reportsApi.documentPath(year, job);
      const name = await download(path, job === 'metrics' ? `${year}年度指标.xlsx` : `${year}年度法治政府建设情况报告.${job}`);
      message.success(`已生成：${name}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const hint = dirty ? '有未保存的叙述，生成的文件不含这些修改' : undefined;
  return (
    <>
      <Tooltip title={hint ?? '公文格式：A4，标题小标宋二号，正文仿宋_GB2312三号，每页22行、每行28字'}>
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          loading={busy === 'docx'}
          disabled={busy !== null && busy !== 'docx'}
          onClick={() => run('docx')}
          data-testid="report-docx"
        >
          生成 Word（GB/T 9704）
        </Button>
      </Tooltip>
      <Tooltip title={hint ?? '网页版：每个数字可点击查看明细记录'}>
        <Button icon={<FileTextOutlined />} loading={busy === 'html'} disabled={busy !== null && busy !== 'html'} onClick={() => run('html')}>
          HTML
        </Button>
      </Tooltip>
      <Tooltip title={hint}>
        <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={busy !== null && busy !== 'pdf'} onClick={() => run('pdf')}>
          PDF
        </Button>
      </Tooltip>
      <Tooltip title="本年度全部指标及上年值（xlsx）">
        <Button icon={<FileExcelOutlined />} loading={busy === 'metrics'} disabled={busy !== null && busy !== 'metrics'} onClick={() => run('metrics')}>
          导出全部指标
        </Button>
      </Tooltip>
    </>
  );
}
