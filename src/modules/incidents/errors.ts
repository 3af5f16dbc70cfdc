import { defineErrorCodes } from '../../platform/errors.ts';

export const INCIDENT_ERRORS = defineErrorCodes({
  INCIDENT_NOT_FOUND: { status: 404, exit: 3, description: 'No such incident in this organization.' },
  INCIDENT_NOT_OPEN: { status: 409, exit: 5, description: 'The incident is resolved or closed; this action needs an open incident.' },
  INCIDENT_NOT_RESOLVED: { status: 409, exit: 5, description: 'Only a resolved incident can be closed.' },
  INCIDENT_CLOSED: { status: 409, exit: 5, description: 'The incident is closed and can no longer change.' },
  INCIDENT_REVIEW_REQUIRED: { status: 409, exit: 5, description: 'The incident needs a post-incident review before it can be closed.' },
  INCIDENT_BREACH_NOT_FLAGGED: { status: 409, exit: 5, description: 'The incident is not flagged as a possible personal-data breach.' },
  INCIDENT_LINK_INVALID: { status: 400, exit: 2, description: 'The acknowledge/resolve link is malformed or its signature does not match.' },
  INCIDENT_LINK_EXPIRED: { status: 410, exit: 2, description: 'The acknowledge/resolve link has expired; use the dashboard or ask for a new page.' },
});
