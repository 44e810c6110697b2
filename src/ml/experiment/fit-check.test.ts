import { describe, expect, it } from 'vitest';
import { failedFit } from './fit-check';

const epoch = (e: number, loss: number, accuracy: number) => ({ epoch: e, loss, accuracy });

describe('failedFit', () => {
  it('passes a head whose loss fell and whose accuracy rose', () => {
    expect(failedFit([epoch(0, 2.3, 0.3), epoch(1, 0.9, 0.8)])).toBeNull();
  });

  it('names a loss that rose, as the shipped rotation head at 50 labels did (56 to 317)', () => {
    expect(failedFit([epoch(0, 56, 0.1), epoch(13, 317, 0.1)])).toBe('its training loss rose from 56.00 to 317.00');
  });

  it('names a training accuracy that never left chance, and a run that never trained', () => {
    expect(failedFit([epoch(0, 2.4, 0.1), epoch(1, 2.3, 0.12)])).toBe('its training accuracy stayed at chance (best 12.0%)');
    expect(failedFit([])).toBe('it never trained');
  });
});
