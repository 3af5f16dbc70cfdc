export const orgOption = { org: { type: 'string' as const, description: 'Organization slug', required: true } };

export const monitorColumns = ['id', 'name', 'type', 'state', 'interval', 'lastCheckAt', 'lastLatencyMs', 'labels'];
