import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { fieldErrors, fileToUpload, grouped, KINDS, publicApi, type FormInfo, type KindKey, type Receipt } from '../api';
import { PortalLayout, useFormInfo } from './PortalLayout';

/** A choice field's options, as the server's form endpoint lists its allowed values. */
const opts = (choices: FormInfo['choices'], field: string) => (choices[field] ?? []).map((x) => ({ value: x, label: x }));

/** The form's fields the server may name (its `field` → the form's name path). */
const FIELD_NAMES = new Set([
  'applicant.kind',
  'applicant.name',
  'applicant.idType',
  'applicant.idNo',
  'applicant.uscc',
  'applicant.legalRep',
  'applicant.contact',
  'applicant.phone',
  'applicant.address',
  'applicant.postcode',
  'applicant.email',
  'orgType',
  'description',
  'purpose',
  'medium',
  'delivery',
  'title',
  'request',
  'facts',
  'location',
]);

/** The applicant's block: a natural person (ID checked by its check digit on the server) or an organisation (统一社会信用代码). */
function ApplicantFields({ kind, natural, choices }: { kind: KindKey; natural: boolean; choices: FormInfo['choices'] }) {
  const who = kind === 'petitions' ? '信访人' : '申请人';
  return (
    <>
      <Form.Item name={['applicant', 'kind']} label={`${who}类型`} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={opts(choices, 'applicant.kind')} />
      </Form.Item>
      {natural ? (
        <>
          <Form.Item name={['applicant', 'name']} label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={100} autoComplete="name" />
          </Form.Item>
          <Form.Item name={['applicant', 'idType']} label="证件类型" rules={[{ required: true, message: '请选择证件类型' }]}>
            <Select options={opts(choices, 'applicant.idType')} />
          </Form.Item>
          <Form.Item name={['applicant', 'idNo']} label="证件号码" rules={[{ required: true, message: '请填写证件号码' }]}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name={['applicant', 'name']} label="名称" rules={[{ required: true, message: '请填写组织名称' }]}>
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
          <Form.Item name={['applicant', 'uscc']} label="统一社会信用代码" rules={[{ required: true, message: '请填写统一社会信用代码' }]}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          {kind === 'disclosure' ? (
            <Form.Item name="orgType" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
              <Select options={opts(choices, 'orgType')} />
            </Form.Item>
          ) : null}
          <Form.Item name={['applicant', 'legalRep']} label="法定代表人或负责人" rules={[{ required: true, message: '请填写法定代表人或负责人' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name={['applicant', 'contact']} label="联系人" rules={[{ required: true, message: '请填写联系人' }]}>
            <Input maxLength={50} />
          </Form.Item>
        </>
      )}
      <Form.Item name={['applicant', 'phone']} label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
        <Input maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item
        name={['applicant', 'address']}
        label={kind === 'petitions' ? '住址（通信地址）' : '通信地址'}
        rules={kind === 'petitions' ? [{ required: true, message: '请填写住址' }] : []}
      >
        <Input maxLength={200} autoComplete="street-address" />
      </Form.Item>
      <Form.Item name={['applicant', 'postcode']} label="邮政编码">
        <Input maxLength={6} inputMode="numeric" autoComplete="postal-code" />
      </Form.Item>
      <Form.Item name={['applicant', 'email']} label="电子邮箱">
        <Input maxLength={200} inputMode="email" autoComplete="email" />
      </Form.Item>
    </>
  );
}

/** The receipt, shown once: the number and the secret with copy buttons, and a warning to keep them. */
function ReceiptCard({ kind, receipt }: { kind: KindKey; receipt: Receipt }) {
  return (
    <Card>
      <Result
        status="success"
        title="提交成功"
        subTitle={`${KINDS[kind].short}已提交，${kind === 'disclosure' ? '将在收到申请之日起20个工作日内答复' : '将在15日内告知是否受理'}。`}
        style={{ padding: '8px 0' }}
      />
      <Alert
        type="warning"
        showIcon
        title="请立即抄写或截图保存受理编号和查询码"
        description="查询码只显示这一次，系统不保存其明文，遗失后无法找回。凭受理编号和查询码可随时查询办理进度和答复。"
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="受理编号">
          <Typography.Text copyable={{ text: receipt.receiptNo }} strong style={{ fontSize: 16, fontFamily: 'monospace' }} data-testid="receipt-no">
            {grouped(receipt.receiptNo)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="查询码">
          <Typography.Text copyable={{ text: receipt.secret }} strong style={{ fontSize: 16, fontFamily: 'monospace' }} data-testid="receipt-secret">
            {grouped(receipt.secret)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="登记编号">
          <span data-testid="receipt-ref">{receipt.refNo}</span>
        </Descriptions.Item>
        {receipt.firstDueOn ? <Descriptions.Item label="告知是否受理期限">{receipt.firstDueOn}</Descriptions.Item> : null}
        <Descriptions.Item label={kind === 'disclosure' ? '答复期限' : '办理期限'}>
          {kind === 'disclosure' ? receipt.dueOn : '自受理之日起60日内'}
        </Descriptions.Item>
      </Descriptions>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/public/status">查询办理进度</Link>
      </div>
    </Card>
  );
}

/** 网上申请政府信息公开 / 网上信访 — the public form; every bad field is shown where it is. */
export function ApplyPage({ kind }: { kind: KindKey }) {
  const [form] = Form.useForm();
  const info = useFormInfo(KINDS[kind].module);
  const natural = Form.useWatch(['applicant', 'kind'], form) !== '法人或其他组织';
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const maxFiles = info?.maxFiles ?? 0;
  const maxMb = (info?.maxBytes ?? 0) / 1024 / 1024;

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const attachments = await Promise.all(files.map((f) => fileToUpload(f.originFileObj as File)));
      const r = await publicApi<Receipt>('POST', `/api/public/${KINDS[kind].module}/submit`, { ...values, attachments });
      setReceipt(r);
      window.scrollTo(0, 0);
    } catch (e) {
      const named = fieldErrors(e).filter((f) => FIELD_NAMES.has(f.field));
      form.setFields(named.map((f) => ({ name: f.field.split('.'), errors: [f.message] })));
      const rest = fieldErrors(e).filter((f) => !FIELD_NAMES.has(f.field));
      setError(named.length && !rest.length ? '填写有误，请按提示修改后重新提交' : rest.map((f) => f.message).join('；') || (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalLayout title={KINDS[kind].title} module={KINDS[kind].module}>
      {receipt ? (
        <ReceiptCard kind={kind} receipt={receipt} />
      ) : info === undefined ? (
        <Card loading />
      ) : info === null ? (
        <Alert type="error" showIcon title="无法读取申请表，请检查网络后刷新页面重试" data-testid="apply-error" />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          onFinishFailed={() => setError('填写有误，请按提示修改后重新提交')}
          initialValues={{ applicant: { kind: '自然人', idType: '居民身份证' }, medium: '电子邮件', delivery: '电子邮件' }}
          scrollToFirstError
        >
          <Card title={kind === 'petitions' ? '信访人信息' : '申请人信息'} size="small" style={{ marginBottom: 16 }}>
            <ApplicantFields kind={kind} natural={natural} choices={info.choices} />
          </Card>
          <Card title={kind === 'petitions' ? '信访事项' : '所需信息情况'} size="small" style={{ marginBottom: 16 }}>
            {kind === 'disclosure' ? (
              <>
                <Form.Item
                  name="description"
                  label="所需信息的内容描述"
                  extra="请写明政府信息的名称、文号或者便于查询的其他特征性描述"
                  rules={[{ required: true, message: '请描述所需政府信息的内容' }]}
                >
                  <Input.TextArea rows={4} maxLength={2000} />
                </Form.Item>
                <Form.Item name="purpose" label="所需信息的用途（选填）">
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Form.Item name="medium" label="提供载体形式" rules={[{ required: true, message: '请选择提供载体形式' }]}>
                  <Select options={opts(info.choices, 'medium')} />
                </Form.Item>
                <Form.Item name="delivery" label="获取方式" rules={[{ required: true, message: '请选择获取方式' }]}>
                  <Select options={opts(info.choices, 'delivery')} />
                </Form.Item>
              </>
            ) : (
              <>
                <Form.Item name="title" label="信访事项（一句话概括）" rules={[{ required: true, message: '请概括信访事项' }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="request" label="信访请求" rules={[{ required: true, message: '请写明信访请求' }]}>
                  <Input.TextArea rows={3} maxLength={2000} showCount />
                </Form.Item>
                <Form.Item name="facts" label="事实和理由" rules={[{ required: true, message: '请写明事实和理由' }]}>
                  <Input.TextArea rows={5} maxLength={5000} showCount />
                </Form.Item>
                <Form.Item name="location" label="事发地点（选填）">
                  <Input maxLength={200} />
                </Form.Item>
              </>
            )}
            <Form.Item label="附件（选填）" extra={`最多${maxFiles}个，每个不超过${maxMb} MB；可上传 ${info.types.map((t) => t.label).join('、')}`}>
              <Upload
                fileList={files}
                multiple
                maxCount={maxFiles}
                accept={info.types.map((t) => t.mime).join(',')}
                beforeUpload={(f) => {
                  if (f.size > maxMb * 1024 * 1024) {
                    setError(`附件“${f.name}”超过${maxMb} MB，请压缩后再上传`);
                    return Upload.LIST_IGNORE;
                  }
                  return false;
                }}
                onChange={({ fileList }) => setFiles(fileList.slice(0, maxFiles))}
              >
                <Button icon={<UploadOutlined />}>选择文件</Button>
              </Upload>
            </Form.Item>
          </Card>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="apply-error" /> : null}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="apply-submit">
            提交
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {kind === 'disclosure'
              ? '依据《政府信息公开条例》第二十九条、第三十三条：申请内容明确的，本机关自收到申请之日起20个工作日内答复；需要延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日。'
              : '依据《信访工作条例》：本机关自收到信访事项之日起15日内告知是否受理；受理后60日内办结，情况复杂的经批准可延长不超过30日。'}
          </Typography.Paragraph>
        </Form>
      )}
    </PortalLayout>
  );
}
