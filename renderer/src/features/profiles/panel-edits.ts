import type { Profile } from '../../../../shared/model';
import type { JobAction } from '../../../../shared/model/job';
import type { ProfileDraft } from './store';
import { parseTags } from '../../lib/parse-tags';

/** The jobs a side-panel save starts: one per field that differs from the profile. */
/** What an edit's job is called, by its key under profiles.panel.jobs in the catalog. */
export type PanelEditWhat = 'rename' | 'move' | 'tags' | 'remark';

export function panelEdits(
  p: Profile,
  d: ProfileDraft,
): { action: JobAction; what: PanelEditWhat }[] {
  const edits: { action: JobAction; what: PanelEditWhat }[] = [];
  if (d.name !== undefined && d.name.trim() !== '' && d.name !== p.name)
    edits.push({ action: { kind: 'set-name', name: d.name.trim() }, what: 'rename' });
  if (d.groupId !== undefined && d.groupId !== p.groupId)
    edits.push({
      action: { kind: 'move-group', groupIds: { [p.connectionId]: d.groupId } },
      what: 'move',
    });
  if (d.tags !== undefined && parseTags(d.tags).join(',') !== p.tags.map((t) => t.name).join(','))
    edits.push({ action: { kind: 'set-tags', tags: parseTags(d.tags) }, what: 'tags' });
  if (d.remark !== undefined && d.remark !== p.remark)
    edits.push({ action: { kind: 'set-remark', remark: d.remark }, what: 'remark' });
  return edits;
}
