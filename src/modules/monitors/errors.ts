import { defineErrorCodes } from '../../platform/errors.ts';

export const MONITOR_ERRORS = defineErrorCodes({
  MONITOR_NOT_FOUND: { status: 404, exit: 3, description: 'No such monitor in this organization.' },
  CHECK_NOT_PERFORMED: { status: 503, exit: 1, description: 'Custos itself could not run the check (out of sockets, shutting down); the target was not judged.' },
  MAINTENANCE_NOT_FOUND: { status: 404, exit: 3, description: 'No such maintenance window in this organization.' },
});
