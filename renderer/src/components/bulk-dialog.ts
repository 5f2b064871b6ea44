import type { Connection, Profile } from '../../../shared/model';

/**
 * What the profiles bulk bar gives the dialog of a bulk action. Any feature can supply such
 * a dialog (the list is features/profiles/bulk/bulk-actions.ts); it imports only this type.
 */
export interface BulkDialogProps {
  /** The selected profiles in table order (the order a rename numbers them in). */
  profiles: Profile[];
  connectionsById: ReadonlyMap<string, Connection>;
  onClose(): void;
}
