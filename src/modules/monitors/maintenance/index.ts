export { createMaintenanceWindow } from './create-maintenance.ts';
export { listMaintenanceWindows } from './list-maintenance.ts';
export { getMaintenanceWindow } from './get-maintenance.ts';
export { updateMaintenanceWindow } from './update-maintenance.ts';
export { deleteMaintenanceWindow } from './delete-maintenance.ts';
export { activeMaintenance, occurrenceAt, nextChange, selects, type MaintenanceRule, type MonitorRef, type Occurrence } from './active.ts';
export { maintenanceRoutes } from './routes.ts';
