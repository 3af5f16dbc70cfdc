export const orgOption = { org: { type: 'string' as const, description: 'Organization slug', required: true } };
