/** Token usage and cost as a compact line of labelled figures (issue 4, "Usage"). */
import type { Usage } from '../../core/model/conversation';
import { usageFigures } from './format-values';

export interface UsageLineProps {
  usage: Usage | null | undefined;
  label?: string;
}

export function UsageLine({ usage, label }: UsageLineProps) {
  const figures = usageFigures(usage);
  if (figures.length === 0) return null;
  return (
    <span className="cv-usage" aria-label={label ?? 'Token usage'}>
      {figures.map((figure) => (
        <span key={figure.label} className="cv-usage-figure">
          <span className="cv-usage-label">{figure.label}</span> {figure.value}
        </span>
      ))}
    </span>
  );
}
