export type SilenceStatus = 'pending' | 'active' | 'expired';

export interface Silence {
  id: string;
  matchers: string[];
  startsAt: string;
  endsAt: string;
  status: SilenceStatus;
  comment: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
