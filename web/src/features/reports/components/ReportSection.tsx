import { Typography } from 'antd';
import type { MetricUnit } from '../../metrics/api';
import type { ComposedSection } from '../api';
import { FigureSentence } from './FigureSentence';
import { NarrativeEditor } from './NarrativeEditor';
import styles from './report.module.css';

interface Props {
  section: ComposedSection;
  year: number;
  depth: number;
  units: ReadonlyMap<string, MetricUnit>;
  canEdit: boolean;
  /** Compose the report again (after a save or an option change). */
  onChanged: () => void;
  onDirtyChange?: (section: string, dirty: boolean) => void;
}

/** The anchor id of a section in the page (for the outline). */
export const sectionAnchor = (key: string) => `report-section-${key.replace(/\./g, '-')}`;

/** One section of the report outline: heading (一、 / （一）), the bureau's narrative, the generated figure sentences, sub-sections. */
export function ReportSection({ section, year, depth, units, canEdit, onChanged, onDirtyChange }: Props) {
  const heading = `${section.number}${section.title}`;
  return (
    <section id={sectionAnchor(section.key)} className={depth === 0 ? styles.section : styles.subsection} data-section={section.key}>
      <Typography.Title level={depth === 0 ? 4 : 5} className={depth === 0 ? styles.h1 : styles.h2}>
        {heading}
      </Typography.Title>
      <NarrativeEditor
        year={year}
        section={section.key}
        title={heading}
        narrative={section.narrative}
        canEdit={canEdit}
        onSaved={onChanged}
        onDirtyChange={onDirtyChange}
      />
      {section.sentences.length ? (
        <div className={styles.sentences}>
          <div className={styles.sentencesLabel}>由业务数据生成的数字句</div>
          {section.sentences.map((s) => (
            <FigureSentence key={s.key} sentence={s} year={year} units={units} canEdit={canEdit} onChanged={onChanged} />
          ))}
        </div>
      ) : null}
      {section.children.map((c) => (
        <ReportSection
          key={c.key}
          section={c}
          year={year}
          depth={depth + 1}
          units={units}
          canEdit={canEdit}
          onChanged={onChanged}
          onDirtyChange={onDirtyChange}
        />
      ))}
    </section>
  );
}
