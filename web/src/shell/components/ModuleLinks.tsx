import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../../api/session';
import { visibleFeatures } from '../../features/registry';

/** 功能入口 — every feature the user may open, with its pages. */
export function ModuleLinks() {
  const features = visibleFeatures(useCan());
  return (
    <Card title="功能入口">
      <Flex vertical gap={16}>
        {features.map((f) => (
          <div key={f.key}>
            <Flex gap={8} align="center" style={{ marginBottom: 6 }}>
              <span style={{ color: '#1f4e8c' }}>{f.icon}</span>
              <Typography.Text strong>{f.title}</Typography.Text>
            </Flex>
            <Flex wrap gap={12} style={{ paddingInlineStart: 24 }}>
              {f.visibleMenu.map((m) => (
                <Link key={m.path} to={m.path}>
                  {m.label}
                </Link>
              ))}
            </Flex>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
