/**
 * Draws a chart only once it comes near the screen: before that, an empty box of the chart's height holds its
 * place, so nothing on the page moves when it appears.
 *
 * Why: the self-study page opens at the top, and the recorded label-efficiency curve and leaderboard scatter sit
 * far below it. Drawing them costs recharts hundreds of components each, on a first load that has better uses
 * for a small machine's cores: the panels a student sees first become ready sooner without them.
 * Once drawn, a chart stays drawn. Only the drawing waits: the figure, its caption and its accessible name (the
 * numbers, for a screen reader) are on the page from the start, and so is every control. Printing draws them all.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

/** How far beyond the screen a chart starts to draw: one screen height above and below. */
const NEAR = '100% 0px';

/** Renders `children` once this box is within a screen of the viewport (or the page is printed). */
export function WhenNear({ height, children }: { readonly height: number; readonly children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setNear(true);
    }, { rootMargin: NEAR });
    observer.observe(element);
    const draw = () => setNear(true);
    window.addEventListener('beforeprint', draw);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', draw);
    };
  }, [near]);
  return near ? <>{children}</> : <div ref={box} className="when-near" style={{ height }} />;
}
