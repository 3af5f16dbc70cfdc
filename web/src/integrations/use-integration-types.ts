import { isMissingRoute } from '../api/client.ts';
import { useFetch } from '../api/use-fetch.ts';
import type { IntegrationType } from './types.ts';

/** The server's integration types; `null` when it does not list them (the forms then take JSON settings). */
export function useIntegrationTypes(): { types: IntegrationType[] | null | undefined; error: Error | undefined } {
  const fetched = useFetch<{ data: IntegrationType[] }>('/integration-types');
  if (fetched.error) return isMissingRoute(fetched.error) ? { types: null, error: undefined } : { types: undefined, error: fetched.error };
  return { types: fetched.data?.data, error: undefined };
}
