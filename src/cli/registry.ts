import type { Command } from './command.ts';
import { adminCreateCommand } from './commands/admin/create.ts';
import { auditVerifyCommand } from './commands/audit/verify.ts';
import { evidenceExportCommand } from './commands/evidence/export.ts';
import { evidenceRotateKeyCommand } from './commands/evidence/rotate-key.ts';
import { evidenceVerifyCommand } from './commands/evidence/verify.ts';
import { complianceCheckCommand } from './commands/compliance/check.ts';
import { incidentCreateCommand } from './commands/incident/create.ts';
import { incidentListCommand } from './commands/incident/list.ts';
import { incidentShowCommand } from './commands/incident/show.ts';
import { incidentAckCommand, incidentCloseCommand, incidentResolveCommand } from './commands/incident/transition.ts';
import { migrateCommand } from './commands/migrate.ts';
import { monitorCheckCommand } from './commands/monitor/check.ts';
import { monitorCreateCommand } from './commands/monitor/create.ts';
import { monitorDeleteCommand } from './commands/monitor/delete.ts';
import { monitorGetCommand } from './commands/monitor/get.ts';
import { monitorListCommand } from './commands/monitor/list.ts';
import { monitorPauseCommand, monitorResumeCommand } from './commands/monitor/set-paused.ts';
import { oncallSchedulesCommand } from './commands/oncall/schedules.ts';
import { reviewListCommand } from './commands/review/list.ts';
import { runbookListCommand } from './commands/runbook/list.ts';
import { runbookPutCommand } from './commands/runbook/put.ts';
import { runbookShowCommand } from './commands/runbook/show.ts';
import { oncallWhoCommand } from './commands/oncall/who.ts';
import { reportCommand } from './commands/report/report.ts';
import { secretsRotateCommand } from './commands/secrets/rotate.ts';
import { serveCommand } from './commands/serve.ts';
import { sourcemapsUploadCommand } from './commands/sourcemaps/upload.ts';
import { tokenCreateCommand } from './commands/token/create.ts';
import { tokenListCommand } from './commands/token/list.ts';
import { tokenRevokeCommand } from './commands/token/revoke.ts';
import { versionCommand } from './commands/version.ts';

/** Every CLI command, in the order `custos --help` lists them. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  versionCommand,
  adminCreateCommand,
  tokenCreateCommand,
  tokenListCommand,
  tokenRevokeCommand,
  auditVerifyCommand,
  reportCommand,
  complianceCheckCommand,
  secretsRotateCommand,
  evidenceRotateKeyCommand,
  evidenceExportCommand,
  evidenceVerifyCommand,
  monitorListCommand,
  monitorCreateCommand,
  monitorGetCommand,
  monitorPauseCommand,
  monitorResumeCommand,
  monitorDeleteCommand,
  monitorCheckCommand,
  oncallSchedulesCommand,
  oncallWhoCommand,
  incidentCreateCommand,
  incidentListCommand,
  incidentShowCommand,
  incidentAckCommand,
  incidentResolveCommand,
  incidentCloseCommand,
  runbookListCommand,
  runbookShowCommand,
  runbookPutCommand,
  reviewListCommand,
  sourcemapsUploadCommand,
];
