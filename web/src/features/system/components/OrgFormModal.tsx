import { App, Form, Input, InputNumber, Select, TreeSelect } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { systemApi, type Org, type OrgInput, type OrgKind } from '../api';
import { toTreeSelect, type OrgNode } from '../hooks/useOrgs';
import { ORG_KIND_LABELS } from '../labels';

interface Props {
  /** The org to edit; null creates one. */
  org: Org | null;
  tree: OrgNode[];
  onClose: () => void;
  onSaved: (org: Org) => void;
  /** The record changed under us (409): the list should be reloaded. */
  onStale: () => void;
}

type Values = { name: string; kind: OrgKind; parentId?: string | null; uscc?: string; divisionCode?: string; sort?: number };

const blankToNull = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

/** 新建 / 编辑单位. Edits carry the version read; a stale one gets the server's 409 message. */
export function OrgFormModal({ org, tree, onClose, onSaved, onStale }: Props) {
  const { message } = App.useApp();

  const save = async (values: Record<string, unknown>) => {
    const v = values as unknown as Values;
    const input: OrgInput = {
      name: v.name.trim(),
      kind: v.kind,
      parentId: v.parentId ?? null,
      uscc: blankToNull(v.uscc),
      divisionCode: blankToNull(v.divisionCode),
      sort: v.sort ?? 0,
    };
    return org ? await systemApi.updateOrg(org.id, org.version, input) : await systemApi.createOrg(input);
  };

  return (
    <FormModal
      title={org ? `编辑单位 · ${org.name}` : '新建单位'}
      onStale={onStale}
      onClose={onClose}
      onSubmit={save}
      onDone={(saved) => {
        message.success(org ? '单位已保存' : '单位已新建');
        onSaved(saved);
      }}
      initialValues={
        org
          ? { name: org.name, kind: org.kind, parentId: org.parentId, uscc: org.uscc ?? '', divisionCode: org.divisionCode ?? '', sort: org.sort }
          : { kind: 'department', sort: 0 }
      }
    >
      <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请输入单位名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
        <Select options={Object.entries(ORG_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="parentId" label="上级单位">
        <TreeSelect treeData={toTreeSelect(tree, org?.id)} allowClear treeDefaultExpandAll placeholder="无（顶级单位）" showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Form.Item name="uscc" label="统一社会信用代码">
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item name="divisionCode" label="行政区划代码">
        <Input maxLength={12} />
      </Form.Item>
      <Form.Item name="sort" label="排序">
        <InputNumber min={0} style={{ width: 140 }} />
      </Form.Item>
    </FormModal>
  );
}
