// "Edit" beside an artifact the pipeline lets a person change (JSON or text, marked editable by
// its family); opens the editor.
import type { Artifact } from '../../../shared/model';
import { openEditor } from '../../stores/decision-store';

export function canEdit(artifact: Artifact): boolean {
  return !!artifact.editable && (artifact.kind === 'json' || artifact.kind === 'text') && (artifact.source === 'inline' || artifact.source === 'file');
}

export function EditArtifactButton({ artifact }: { artifact: Artifact }) {
  if (!canEdit(artifact)) return null;
  return (
    <button
      type="button"
      className="gl-btn gl-btn--small dc-edit-btn"
      aria-label={`Edit ${artifact.name}`}
      onClick={() => openEditor(artifact)}
      data-testid="edit-artifact"
    >
      ✎ Edit
    </button>
  );
}
