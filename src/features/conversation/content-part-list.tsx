/** The parts of one message, in order, each with its position in the thread (for tool links). */
import type { ContentPart } from '../../core/model/conversation';
import { ContentPartView } from './content-part-view';

export interface ContentPartListProps {
  parts: ContentPart[];
  /** Thread item holding these parts; null for nested or repeated content (no anchors). */
  at: number | null;
  /** True for the model's own message: its images and audio were generated. */
  generated?: boolean;
}

export function ContentPartList({ parts, at, generated = false }: ContentPartListProps) {
  return (
    <div className="cv-parts">
      {parts.map((part, index) => (
        <ContentPartView
          key={index}
          part={part}
          at={at === null ? null : { item: at, part: index }}
          generated={generated}
        />
      ))}
    </div>
  );
}
