import { Alert, Descriptions, Flex, Tag, Typography } from 'antd';
import type { DeadlineExplanation, DeadlineUnit, MetDay } from '../api/types';

const UNIT_TEXT: Record<DeadlineUnit, string> = { workday: '个工作日', day: '日（自然日）', month: '个月' };

const dayTag = (color: string) => (d: MetDay) => (
  <Tag key={d.date} color={color}>
    {d.date}
    {d.name ? ` ${d.name}` : ''}
  </Tag>
);

/** A deadline's due date with the server's explanation: holidays and make-up days met, warnings. */
export function DeadlineExplanationView({ x }: { x: DeadlineExplanation }) {
  return (
    <Flex vertical gap={12}>
      {x.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      <Alert type="info" showIcon title={<span data-testid="deadline-text">{x.text}</span>} />
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'due',
            label: '届满日',
            children: (
              <Typography.Text strong data-testid="deadline-due">
                {x.due}
              </Typography.Text>
            ),
          },
          { key: 'start', label: '起算日', children: x.effectiveStart === x.start ? x.start : `${x.start}（自 ${x.effectiveStart} 重新起算）` },
          {
            key: 'n',
            label: '期限',
            children: `${x.n}${UNIT_TEXT[x.unit]}${x.extensionDays ? `，延长 ${x.extensions.map((e) => `${e.n}${UNIT_TEXT[e.unit]}`).join('、')}` : ''}`,
          },
          { key: 'source', label: '依据', children: x.source },
          ...(x.pausedDays ? [{ key: 'paused', label: '扣除期间', children: `${x.pausedDays}${x.unit === 'workday' ? '个工作日' : '日'}` }] : []),
          ...(x.rolledFrom ? [{ key: 'rolled', label: '顺延', children: `原届满日 ${x.rolledFrom} 非工作日，顺延至 ${x.due}` }] : []),
          {
            key: 'holidays',
            label: '期间的法定节假日',
            children: x.holidaysMet.length ? (
              <Flex wrap gap={4}>
                {x.holidaysMet.map(dayTag('red'))}
              </Flex>
            ) : (
              '无'
            ),
          },
          {
            key: 'makeup',
            label: '期间的调休上班日',
            children: x.makeupDaysMet.length ? (
              <Flex wrap gap={4}>
                {x.makeupDaysMet.map(dayTag('gold'))}
              </Flex>
            ) : (
              '无'
            ),
          },
        ]}
      />
    </Flex>
  );
}
