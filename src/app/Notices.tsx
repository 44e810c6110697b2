/**
 * Errors and news for the student, each dismissible; errors are announced to screen readers at once.
 */
import { useEffect } from 'react';
import { useLab, dismissNotice } from '../state/store';

/** News fades after this long; errors stay until dismissed, because they ask for something to be done. */
const INFO_MS = 8000;

/** The list of current notices. */
export function Notices() {
  const notices = useLab((s) => s.notices);
  useEffect(() => {
    const timers = notices.filter((n) => n.kind === 'info').map((n) => setTimeout(() => dismissNotice(n.id), INFO_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices]);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Messages">
      {notices.map((n) => (
        <li key={n.id} className={n.kind}>
          {/* The live role sits on the text, not the item: a list item may not be an alert or a status (axe
              flagged it whenever a notice was on screen), and the list would then hold a non-item. */}
          <span role={n.kind === 'error' ? 'alert' : 'status'}>{n.text}</span>
          <button type="button" className="dismiss" onClick={() => dismissNotice(n.id)} aria-label={`Dismiss: ${n.text}`}>×</button>
        </li>
      ))}
    </ul>
  );
}
