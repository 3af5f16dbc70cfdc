/** What a setup snippet knows: the hook URL and token (real just after create or rotate, else placeholders). */
export interface SnippetContext {
  url: string;
  token: string;
  origin: string;
  settings: Record<string, unknown>;
  /** Whether url and token are the real ones (shown once) or placeholders. */
  revealed: boolean;
}

export interface Snippet {
  label: string;
  text: string;
}

/** How the dashboard presents one inbound integration type; the server's schema stays the authority. */
export interface IntegrationKind {
  type: string;
  label: string;
  description: string;
  snippets: (ctx: SnippetContext) => Snippet[];
}
