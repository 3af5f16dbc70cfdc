import { defineErrorCodes } from '../../platform/errors.ts';

export const HEARTBEAT_ERRORS = defineErrorCodes({
  HEARTBEAT_NOT_FOUND: { status: 404, exit: 3, description: 'No heartbeat monitor with this id in this organization.' },
});
