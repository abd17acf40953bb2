// Organisations / lieux: tiers-lieux, project holders, town halls, partners, networks. Visits,
// contacts, diagnostics and events point at them by id.
import type { Organisation } from '../domain/organisation';
import type { NewRecord, RecordChanges } from '../domain/record-types';
import type { DataContext } from './context';
import { createRecord, updateRecord } from './writes';

type NewOrganisation = NewRecord<'organisations'>;

/** Creates a lieu; throws RecordValidationError (with field issues) when a field is invalid. */
export function createOrganisation(context: DataContext, input: NewOrganisation): Promise<Organisation> {
  return createRecord(context, 'organisations', input);
}

/** Changes some fields of a lieu (only the changed ones are queued for the server). */
export function updateOrganisation(
  context: DataContext,
  id: string,
  changes: RecordChanges<'organisations'>,
): Promise<Organisation> {
  return updateRecord(context, 'organisations', id, changes);
}

export {
  getOrganisation,
  listOrganisations,
  type OrganisationFilter,
  organisationsByIds,
  searchOrganisations,
} from './organisation-queries';
