/**
 * "Copy link to this setup". The clipboard can be unavailable (an http:// address that is not localhost, a
 * browser that asks for permission and is told no); then the link is shown in a selected text field, ready
 * for Ctrl+C, rather than the button silently doing nothing.
 */
import { useEffect, useRef, useState } from 'react';

/** Props of {@link CopyLinkButton}. */
export interface CopyLinkButtonProps {
  /** Builds the link at click time, from the setup as it is then (the address bar may lag a little). */
  readonly link: () => string;
}

type Outcome = { readonly status: 'idle' } | { readonly status: 'copied' } | { readonly status: 'manual'; readonly link: string };

/** The button, and what happened after the last click. */
export function CopyLinkButton({ link }: CopyLinkButtonProps) {
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (outcome.status === 'manual') fieldRef.current?.select();
    if (outcome.status !== 'copied') return;
    const t = setTimeout(() => setOutcome({ status: 'idle' }), 4000);
    return () => clearTimeout(t);
  }, [outcome]);

  const copy = async () => {
    const text = link();
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ status: 'copied' });
    } catch {
      setOutcome({ status: 'manual', link: text });
    }
  };

  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>Copy link to this setup</button>
      <span role="status">
        {outcome.status === 'copied' && 'Link copied.'}
        {outcome.status === 'manual' && (
          <label>
            Copy this link: <input ref={fieldRef} type="text" readOnly value={outcome.link} onFocus={(e) => e.target.select()} />
          </label>
        )}
      </span>
    </span>
  );
}
