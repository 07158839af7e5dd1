import { Button } from 'antd';
import { download } from '../../../api/client';
import { DemandListPage } from '../../demands/components/DemandListPage';
import { DemandRecordPage } from '../../demands/components/DemandRecordPage';
import { IntakePage } from '../../demands/components/IntakePage';

const FORMS = ['系统转办', '来访', '来信', '网上信访'] as const;
const yes = (v: unknown) => (v ? '是' : '否');

export function PetitionListPage() {
  return (
    <DemandListPage
      module="petitions"
      title="信访件"
      description="15日内告知是否受理；自受理之日起60日内办结，经批准可延长不超过30日（信访工作条例第二十二、二十三、三十四条）。"
      writePermission="petitions.write"
      extraColumns={[{ title: '信访形式', dataIndex: 'channel', width: 100 }]}
    />
  );
}

export function PetitionIntakePage() {
  return <IntakePage module="petitions" title="登记信访件" refLabel="信访编号" channels={{ label: '信访形式', values: FORMS, required: true }} />;
}

export function PetitionRecordPage() {
  return (
    <DemandRecordPage
      module="petitions"
      online
      extraFacts={(r) => [
        { key: 'flags', label: '重复/越级/集体访', children: `${yes(r.attrs.repeat)} / ${yes(r.attrs.overLevel)} / ${yes(r.attrs.group)}` },
        {
          key: 'reviews',
          label: '复查/复核',
          children:
            ((r.attrs.reviews as Array<{ stage: string; appliedOn: string; dueOn: string; answeredOn: string | null }>) ?? [])
              .map((x) => `${x.stage}：${x.appliedOn}申请，${x.answeredOn ? `${x.answeredOn}答复` : `应于${x.dueOn}前答复`}`)
              .join('；') || '无',
        },
      ]}
      extraActions={(r) =>
        r.reply ? <Button onClick={() => download(`/api/petitions/items/${r.id}/opinion.docx`, '处理意见书.docx')}>处理意见书</Button> : null
      }
    />
  );
}
