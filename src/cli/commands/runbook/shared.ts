export const orgOption = { org: { type: 'string' as const, description: 'Organization slug', required: true } };

export const runbookColumns = ['slug', 'title', 'keys', 'version', 'updatedAt'];
