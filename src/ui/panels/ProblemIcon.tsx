/** The red (error) or amber (warning) mark used on node cards and in the problems list. */
export function ProblemIcon({ severity }: { severity: 'error' | 'warning' }) {
  return (
    <svg className={`problem-icon problem-icon-${severity}`} width="16" height="16" viewBox="0 0 16 16" role="img" aria-label={severity}>
      {severity === 'error' ? (
        <>
          <circle cx="8" cy="8" r="7" fill="var(--error)" />
          <path d="M8 4v5" stroke="var(--surface)" strokeWidth="2" strokeLinecap="round" />
          <circle cx="8" cy="11.8" r="1.1" fill="var(--surface)" />
        </>
      ) : (
        <>
          <path d="M8 1.5 15 14H1z" fill="var(--warning-border)" strokeLinejoin="round" />
          <path d="M8 6v3.6" stroke="#1f2937" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="11.7" r="1" fill="#1f2937" />
        </>
      )}
    </svg>
  );
}
