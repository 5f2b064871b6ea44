import type { Profile } from '../../../../shared/model';
import type { JobAction } from '../../../../shared/model/job';
import type { ProfileDraft } from './store';
import { parseTags } from '../../lib/parse-tags';

/** The jobs a side-panel save starts: one per field that differs from the profile. */
export function panelEdits(p: Profile, d: ProfileDraft): { action: JobAction; what: string }[] {
  const edits: { action: JobAction; what: string }[] = [];
  if (d.name !== undefined && d.name.trim() !== '' && d.name !== p.name)
    edits.push({ action: { kind: 'set-name', name: d.name.trim() }, what: 'Rename' });
  if (d.groupId !== undefined && d.groupId !== p.groupId)
    edits.push({
      action: { kind: 'move-group', groupIds: { [p.connectionId]: d.groupId } },
      what: 'Move',
    });
  if (d.tags !== undefined && parseTags(d.tags).join(',') !== p.tags.map((t) => t.name).join(','))
    edits.push({ action: { kind: 'set-tags', tags: parseTags(d.tags) }, what: 'Set tags of' });
  if (d.remark !== undefined && d.remark !== p.remark)
    edits.push({ action: { kind: 'set-remark', remark: d.remark }, what: 'Set remark of' });
  return edits;
}
