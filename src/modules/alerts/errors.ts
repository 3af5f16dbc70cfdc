import { defineErrorCodes } from '../../platform/errors.ts';

export const ALERT_ERRORS = defineErrorCodes({
  ALERT_NOT_FOUND: { status: 404, exit: 3, description: 'No such alert in this organization.' },
  ALERT_NOT_FIRING: { status: 409, exit: 5, description: 'The alert is resolved; only a firing alert can be acknowledged.' },
  SILENCE_NOT_FOUND: { status: 404, exit: 3, description: 'No such silence in this organization.' },
  ROUTES_VERSION_MISMATCH: { status: 412, exit: 5, description: 'The routing document changed since the version named in If-Match; reload it and apply the change again.' },
});
