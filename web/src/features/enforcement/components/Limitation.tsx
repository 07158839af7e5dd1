import { Tag, Tooltip, Typography } from 'antd';
import type { Limitation } from '../api';

/** 违法行为发生日期（连续或继续状态的终了日期）and whether the 5-year period applies. */
export function violationText(r: { violationOn: string | null; violationEndedOn: string | null; limitationSerious: boolean }): string {
  if (!r.violationOn) return '未登记';
  return `${r.violationOn}${r.violationEndedOn ? `，持续至${r.violationEndedOn}` : ''}${r.limitationSerious ? '（涉及生命健康或金融安全）' : ''}`;
}

/** 追责时效 (行政处罚法第三十六条): the last day, and whether the discovery came after it — as the server judged. */
export function LimitationText({ limitation }: { limitation: Limitation | null }) {
  if (!limitation) return <Typography.Text type="secondary">未登记违法行为发生日期，无法判断追责时效</Typography.Text>;
  return (
    <Tooltip title={`${limitation.text}（${limitation.source}）`}>
      <span data-testid="limitation">
        {limitation.lastDay}届满（{limitation.years}年）{' '}
        {limitation.expired ? (
          <Tag color="red">
            {limitation.discoveredAs}
            {limitation.discoveredOn}已超过时效
          </Tag>
        ) : (
          <Tag color="green">
            {limitation.discoveredAs}
            {limitation.discoveredOn}在时效内
          </Tag>
        )}
        {limitation.override ? <Typography.Text type="secondary">超过时效立案的法律依据：{limitation.override}</Typography.Text> : null}
      </span>
    </Tooltip>
  );
}
