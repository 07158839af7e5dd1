import { Alert, App, Form, Input, Select, TreeSelect } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { systemApi, type Role, type User } from '../api';
import { toTreeSelect, type OrgNode } from '../hooks/useOrgs';

interface Props {
  /** The user to edit; null creates one. */
  user: User | null;
  roles: Role[];
  tree: OrgNode[];
  onClose: () => void;
  onSaved: (u: User) => void;
}

interface Values {
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  password: string;
}

/** 新建用户 (with an initial password to be changed at first login) / 编辑用户 (name, org, roles). */
export function UserFormModal({ user, roles, tree, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const save = (values: Record<string, unknown>) => {
    const v = values as unknown as Values;
    return user
      ? systemApi.updateUser(user.id, user.version, { displayName: v.displayName, orgId: v.orgId, roles: v.roles })
      : systemApi.createUser({ username: v.username.trim(), displayName: v.displayName, orgId: v.orgId, roles: v.roles, password: v.password });
  };

  return (
    <FormModal
      title={user ? `编辑用户 · ${user.username}` : '新建用户'}
      onClose={onClose}
      onSubmit={save}
      onDone={(saved) => {
        message.success(user ? '用户已保存' : `用户 ${saved.username} 已新建`);
        onSaved(saved);
      }}
      initialValues={user ? { displayName: user.displayName, orgId: user.orgId, roles: user.roles } : { roles: [] }}
    >
      {user ? null : (
        <Form.Item name="username" label="用户名" extra="3–32位字母、数字、下划线、点或连字符" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="orgId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
        <TreeSelect treeData={toTreeSelect(tree)} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Form.Item name="roles" label="角色" rules={[{ required: true, message: '至少选择一个角色' }]}>
        <Select mode="multiple" options={roles.map((r) => ({ value: r.key, label: r.scope === 'own-org' ? `${r.label}（仅本单位数据）` : r.label }))} />
      </Form.Item>
      {user ? null : (
        <>
          <Form.Item
            name="password"
            label="初始密码"
            extra="至少8位，包含大写字母、小写字母、数字、符号中的至少三类"
            rules={[{ required: true, message: '请输入初始密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Alert type="info" showIcon title="请将初始密码当面或以安全方式告知本人；用户首次登录时须修改初始密码。" />
        </>
      )}
    </FormModal>
  );
}
