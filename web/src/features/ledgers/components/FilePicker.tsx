import { Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';

interface Props {
  /** The server is checking the chosen file. */
  checking: boolean;
  /** A file was chosen before (ask for a corrected one). */
  again: boolean;
  onPick: (file: File) => void;
}

/** Choose (or drop) an .xlsx or .csv file; nothing is sent until the preview. */
export function FilePicker({ checking, again, onPick }: Props) {
  return (
    <Spin spinning={checking} description="正在预检…">
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={checking}
        beforeUpload={(file) => {
          onPick(file);
          return false;
        }}
        data-testid="ledger-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {again ? '选择改正后的文件' : '点击或拖入要导入的文件'}
        </Typography.Paragraph>
        <Typography.Text type="secondary">支持 .xlsx 与 .csv（UTF-8 或 GB18030）；选择后自动预检，不会立即写入</Typography.Text>
      </Upload.Dragger>
    </Spin>
  );
}
