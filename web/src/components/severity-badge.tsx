const STATE: Record<string, string> = { critical: 'down', error: 'down', warning: 'degraded', info: 'pending' };

/** Alert severity, coloured like the monitor states it corresponds to. */
export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span className="badge plain severity" data-state={STATE[severity] ?? 'pending'} data-severity={severity}>
      {severity}
    </span>
  );
}
