import { defineErrorCodes } from '../../platform/errors.ts';

export const AUTH_ERRORS = defineErrorCodes({
  INVALID_CREDENTIALS: { status: 401, exit: 4, description: 'The email or password is wrong.' },
  LOGIN_THROTTLED: { status: 429, exit: 6, description: 'Too many failed logins for this account; retry after the time given.' },
  CSRF_TOKEN_INVALID: { status: 403, exit: 4, description: 'A cookie-authenticated write needs the x-csrf-token header from login or /auth/me.' },
  LAST_OWNER: { status: 409, exit: 5, description: 'An organization keeps at least one owner.' },
  SETUP_DONE: { status: 409, exit: 5, description: 'First-run setup has already been completed.' },
  ORG_SLUG_TAKEN: { status: 409, exit: 5, description: 'Another organization uses this slug.' },
  MEMBER_EXISTS: { status: 409, exit: 5, description: 'The user is already a member of this organization.' },
  MEMBER_NOT_FOUND: { status: 404, exit: 3, description: 'No such member in this organization.' },
  TOKEN_NOT_FOUND: { status: 404, exit: 3, description: 'No such API token in this organization.' },
  ORG_NOT_FOUND: { status: 404, exit: 3, description: 'No such organization, or you are not a member.' },
});
