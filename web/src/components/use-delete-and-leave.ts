import { useLocation } from 'wouter';
import { useClient } from '../api/client-context.tsx';
import { useToast } from './toasts.tsx';

/** A detail page's Delete: deletes `path`, says so and goes to `back` (its list); a failure shows as a toast. */
export function useDeleteAndLeave() {
  const client = useClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  return async ({ path, name, back }: { path: string; name: string; back: string }) => {
    try {
      await client.delete(path);
      toast.info(`Deleted ${name}`);
      navigate(back);
    } catch (err) {
      toast.error((err as Error).message);
    }
  };
}
