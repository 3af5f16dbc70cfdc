export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Rotation = 'daily' | 'weekly' | 'custom';

export interface Restriction {
  days: Weekday[];
  start: string;
  end: string;
}

export interface Layer {
  id: string;
  name: string;
  position: number;
  participants: string[];
  rotation: Rotation;
  shiftHours: number;
  handoffTime: string;
  timeZone: string;
  startDate: string;
  restrictions: Restriction[];
  createdAt: string;
  updatedAt: string;
}

export type LayerInput = Omit<Layer, 'id' | 'position' | 'createdAt' | 'updatedAt'>;

export interface Schedule {
  id: string;
  name: string;
  description: string | null;
  timeZone: string;
  layers: Layer[];
  createdAt: string;
  updatedAt: string;
}

export interface ShiftSource {
  type: 'layer' | 'override';
  id: string;
}

export interface Shift {
  userId: string;
  userName: string;
  start: string;
  end: string;
  source: ShiftSource;
}

export interface Override {
  id: string;
  scheduleId: string;
  userId: string;
  start: string;
  end: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

export interface OnCall {
  scheduleId: string;
  at: string;
  user: { id: string; name: string; email: string } | null;
  source: ShiftSource | null;
  since: string | null;
  until: string | null;
}

export interface FeedToken {
  id: string;
  kind: 'schedule' | 'user';
  targetId: string;
  prefix: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedFeedToken extends FeedToken {
  token: string;
  path: string;
  url: string | null;
}

export type TargetType = 'user' | 'schedule' | 'channel';

export interface Target {
  type: TargetType;
  id: string;
}

export interface Step {
  delayMinutes: number;
  targets: Target[];
}

export interface EscalationPolicy {
  id: string;
  name: string;
  description: string | null;
  steps: Step[];
  repeat: number;
  repeatAfterMinutes: number;
  createdAt: string;
  updatedAt: string;
}

export const CONTACT_TYPES = ['email', 'sms', 'voice', 'chat'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export interface ContactMethod {
  id: string;
  userId: string;
  type: ContactType;
  address: string | null;
  channelId: string | null;
  label: string | null;
  createdAt: string;
  updatedAt: string;
}

export type RuleUrgency = 'high' | 'low' | 'any';

export interface NotificationRule {
  id: string;
  userId: string;
  contactMethodId: string;
  delayMinutes: number;
  urgency: RuleUrgency;
  createdAt: string;
  updatedAt: string;
}
