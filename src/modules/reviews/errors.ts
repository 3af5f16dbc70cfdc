import { defineErrorCodes } from '../../platform/errors.ts';

export const REVIEW_ERRORS = defineErrorCodes({
  REVIEW_NOT_FOUND: { status: 404, exit: 3, description: 'No such post-incident review in this organization.' },
  REVIEW_ACTION_ITEM_NOT_FOUND: { status: 404, exit: 3, description: 'The review has no such action item.' },
  REVIEW_FILED: { status: 409, exit: 5, description: 'The review is filed; its text can no longer change (action items still can).' },
  REVIEW_INCOMPLETE: { status: 409, exit: 5, description: 'The review cannot be filed yet; details.issues names each empty section.' },
  REVIEW_INCIDENT_OPEN: { status: 409, exit: 5, description: 'The incident is still open; resolve it before filing its review.' },
});
