import { createGroupingConfigs } from './registry.ts';

export { GroupingConfigs, CURRENT_GROUPING_CONFIG, createGroupingConfigs, hashComponents, type GroupingConfig } from './registry.ts';
export { normalizeMessage } from './normalize-message.ts';
export { exceptionsOf, framesOf, messageOf, defaultComponents } from './components.ts';
export { isInApp, normalizeFilename, normalizeFunction, type Frame } from './frames.ts';

/** The configs this build knows; a project names one (and, after an upgrade, the one before). */
export const groupingConfigs = createGroupingConfigs();
