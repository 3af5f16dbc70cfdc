import '../compliance/compliance.css';
import './evidence.css';

export { IntegrityPage } from './integrity-page.tsx';
export { EvidenceExportPage } from './export-page.tsx';
