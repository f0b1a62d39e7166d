// A spinner with an accessible label (pass `label={null}` when the surrounding text says it).
export function Spinner({ label = 'Chargement…', large }: { label?: string | null; large?: boolean }) {
  return (
    <span
      className={large ? 'spinner spinner--large' : 'spinner'}
      role={label ? 'status' : undefined}
      aria-hidden={label ? undefined : true}
    >
      {label && <span className="visually-hidden">{label}</span>}
    </span>
  );
}

/** A whole-page loading state (lazy screens, first data). */
export function PageSpinner({ label }: { label: string }) {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <div className="stack--sm" style={{ textAlign: 'center' }}>
        <Spinner large label={null} />
        <p>{label}</p>
      </div>
    </div>
  );
}
