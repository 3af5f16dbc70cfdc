import { defineErrorCodes } from '../../platform/errors.ts';

export const ONCALL_ERRORS = defineErrorCodes({
  SCHEDULE_NOT_FOUND: { status: 404, exit: 3, description: 'No such on-call schedule in this organization.' },
  LAYER_NOT_FOUND: { status: 404, exit: 3, description: 'No such layer in this schedule.' },
  OVERRIDE_NOT_FOUND: { status: 404, exit: 3, description: 'No such override in this schedule.' },
  FEED_TOKEN_NOT_FOUND: { status: 404, exit: 3, description: 'No such calendar feed token.' },
  SCHEDULE_NAME_TAKEN: { status: 409, exit: 5, description: 'Another schedule in this organization has this name.' },
  SCHEDULE_IN_USE: { status: 409, exit: 5, description: 'An escalation policy pages this schedule; remove it from the policy first.' },
  ESCALATION_POLICY_NOT_FOUND: { status: 404, exit: 3, description: 'No such escalation policy in this organization.' },
  ESCALATION_POLICY_NAME_TAKEN: { status: 409, exit: 5, description: 'Another escalation policy in this organization has this name.' },
  CONTACT_METHOD_NOT_FOUND: { status: 404, exit: 3, description: 'No such contact method for this user.' },
  NOTIFICATION_RULE_NOT_FOUND: { status: 404, exit: 3, description: 'No such notification rule for this user.' },
  USER_REQUIRED: { status: 400, exit: 2, description: 'The route acts on the logged-in user and an API token has none; use /members/:userId/... instead.' },
});
