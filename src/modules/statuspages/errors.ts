import { defineErrorCodes } from '../../platform/errors.ts';

export const STATUS_PAGE_ERRORS = defineErrorCodes({
  STATUS_PAGE_NOT_FOUND: { status: 404, exit: 3, description: 'No such status page in this organization.' },
  STATUS_PAGE_SLUG_TAKEN: { status: 409, exit: 5, description: 'Another status page uses this slug (slugs are unique across organizations).' },
  STATUS_PAGE_DOMAIN_TAKEN: { status: 409, exit: 5, description: 'Another status page uses this custom domain.' },
  STATUS_PAGE_COMPONENT_NOT_FOUND: { status: 404, exit: 3, description: 'No such component on this status page.' },
  STATUS_PAGE_INCIDENT_NOT_FOUND: { status: 404, exit: 3, description: 'No such incident on this status page.' },
  STATUS_PAGE_MAINTENANCE_NOT_FOUND: { status: 404, exit: 3, description: 'No such maintenance notice on this status page.' },
  STATUS_PAGE_PASSWORD_REQUIRED: { status: 401, exit: 4, description: 'The status page is password-protected; enter the password on the page first.' },
});
