export { RunbooksPage } from './runbooks-page.tsx';
export { RunbookPage } from './runbook-page.tsx';
export { EditRunbookPage, NewRunbookPage } from './runbook-form-page.tsx';
