/**
 * Keras's EarlyStopping(monitor='accuracy', patience=N), as the lecture's transfer head uses it: an epoch
 * improves when its training accuracy beats the best so far; after `patience` epochs without one, training
 * ends. One copy of the rule, so the trainer and the cached-feature heads stop at the very same epoch.
 */
export class EarlyStopping {
  private best = -Infinity;
  private wait = 0;
  private readonly patience: number | null;

  /** `patience` null never stops. */
  constructor(patience: number | null) {
    this.patience = patience;
  }

  /** Records epoch `epoch`'s accuracy; returns why training stops now, or null to go on. */
  update(accuracy: number, epoch: number): string | null {
    if (this.patience === null) return null;
    if (accuracy > this.best) {
      this.best = accuracy;
      this.wait = 0;
      return null;
    }
    if (++this.wait < this.patience) return null;
    return `Training accuracy did not improve for ${this.patience} epochs, so early stopping ended the run after epoch ${epoch + 1}.`;
  }
}
