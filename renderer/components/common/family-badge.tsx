import { FAMILY_LABELS, type Family } from '../../../shared/model-constants';

export function FamilyBadge({ family }: { family: Family }) {
  return <span className={`family-badge family-${family}`}>{FAMILY_LABELS[family] ?? family}</span>;
}
