export { SchedulesPage } from './schedules-page.tsx';
export { ScheduleDetailPage } from './schedule-detail-page.tsx';
export { EditSchedulePage, NewSchedulePage } from './schedule-form-page.tsx';
export { LayerPage } from './layer-page.tsx';
export { PoliciesPage } from './policies-page.tsx';
export { NewPolicyPage, PolicyPage } from './policy-page.tsx';
export { PagingPage } from './paging-page.tsx';
