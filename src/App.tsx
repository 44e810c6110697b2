/**
 * The page shell: a title, a one-line promise, and the region where the lesson
 * panels will be mounted, one per step of the lecture's walk-through.
 */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Pretext Lab</h1>
        <p className="subtitle">Self-supervised learning, trained live in your browser</p>
      </header>
      <main className="app-main">
        <section aria-label="Lessons" className="lessons">
          <p className="placeholder">The lesson panels load here.</p>
        </section>
      </main>
    </div>
  );
}
