export interface RunbookSummary {
  id: string;
  slug: string;
  title: string;
  match: Record<string, string>;
  keys: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Runbook extends RunbookSummary {
  body: string;
  html: string;
}

export interface RunbookMatch extends RunbookSummary {
  score: number;
  matchedOn: string[];
}

export interface RunbookVersionSummary {
  version: number;
  title: string;
  match: Record<string, string>;
  note: string | null;
  author: { type: string; id: string; display: string };
  createdAt: string;
}
