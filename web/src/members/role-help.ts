export const ROLE_HELP: Record<string, string> = {
  owner: 'Everything, including granting ownership.',
  admin: 'Configuration, members, tokens and the audit log.',
  responder: 'Sees everything; acknowledges, resolves and runs checks.',
  viewer: 'Read-only access to monitors and state.',
  auditor: 'Read-only access plus the audit log and evidence.',
};
