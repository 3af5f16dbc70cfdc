export interface TimelineEntry {
  at: string;
  kind: string;
  actor: string;
  text: string;
}

export interface ActionItem {
  id: string;
  title: string;
  ownerId: string | null;
  dueDate: string | null;
  status: 'open' | 'done';
  trackerUrl: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  id: string;
  incidentId: string;
  incidentTitle: string;
  severity: string;
  status: 'draft' | 'filed';
  required: boolean;
  overdue: boolean;
  incidentResolvedAt: string | null;
  dueAt: string | null;
  summary: string;
  impact: string;
  timeline: TimelineEntry[];
  contributingFactors: string;
  actionItems: ActionItem[];
  filedAt: string | null;
  filedBy: string | null;
  reminderCount: number;
  lastRemindedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type ReviewSections = Pick<Review, 'summary' | 'impact' | 'timeline' | 'contributingFactors'>;
