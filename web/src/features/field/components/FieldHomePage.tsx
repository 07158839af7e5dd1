import { useEffect } from 'react';
import { Badge, Card, Col, Row, Typography } from 'antd';
import { CameraOutlined, CloudUploadOutlined, EnvironmentOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { warmFieldCache } from '../api';
import { useOutbox } from '../useOutbox';

/** 外勤 — the field app's start page (the installed app opens here): the tasks an officer may do. */
export function FieldHomePage() {
  const can = useCan();
  const navigate = useNavigate();
  const outbox = useOutbox();
  useEffect(() => warmFieldCache(can), [can]);
  const tiles = [
    { path: '/field/cases', title: '我的案件', text: '在办案件现场拍照、录像取证', icon: <CameraOutlined />, ok: can('enforcement.case.write') },
    { path: '/field/sample', title: '水质采样', text: '现场录入读数并拍照', icon: <ExperimentOutlined />, ok: can('rivers.samples') },
    { path: '/field/patrol', title: '巡查打卡', text: '水浸风险点现场打卡', icon: <EnvironmentOutlined />, ok: can('flood.progress') },
    { path: '/field/outbox', title: '待同步', text: '离线记录的内容，联网后自动上传', icon: <CloudUploadOutlined />, ok: true, count: outbox.length },
  ].filter((t) => t.ok);
  return (
    <>
      <PageTitle title="外勤" description="现场取证、采样、巡查；无网络时先保存在本机，联网后自动同步。" />
      <Row gutter={[12, 12]}>
        {tiles.map((t) => (
          <Col key={t.path} xs={12} md={6}>
            <Card hoverable onClick={() => navigate(t.path)} styles={{ body: { padding: 16 } }}>
              <Badge count={t.count ?? 0} offset={[8, 0]}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  <span style={{ color: '#1f4e8c', marginInlineEnd: 8 }}>{t.icon}</span>
                  {t.title}
                </Typography.Title>
              </Badge>
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t.text}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
