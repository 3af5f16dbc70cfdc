import { defineErrorCodes } from '../../platform/errors.ts';

export const RUNBOOK_ERRORS = defineErrorCodes({
  RUNBOOK_NOT_FOUND: { status: 404, exit: 3, description: 'No such runbook in this organization.' },
  RUNBOOK_VERSION_NOT_FOUND: { status: 404, exit: 3, description: 'The runbook has no such version.' },
  RUNBOOK_SLUG_TAKEN: { status: 409, exit: 5, description: 'Another runbook in this organization has this slug.' },
  RUNBOOK_VERSION_CONFLICT: { status: 409, exit: 5, description: 'The runbook changed since the version the edit was based on; reload and edit again.' },
});
