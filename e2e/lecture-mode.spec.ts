/**
 * Lecture mode as a presenter uses it: arrows and a clicker's PageDown move between slides (the counter and
 * the title follow), Space trains and pauses on a training slide, h hides the controls, Escape leaves; the
 * keys stay quiet while a select has the focus; a refused full-screen request changes nothing but a notice.
 * Every slide is photographed at projector sizes for a human to look at.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { collectPageErrors, SCREENSHOT_DIR } from './helpers';
import { SLIDE_PLAN } from '../src/lecture/slide-plan';

/** How many slides lecture mode has: read from the plan the app uses, so a new lesson's slide needs no edit here. */
const TOTAL = SLIDE_PLAN.length;
/** A lesson's slide number in that plan. */
const slideNo = (id: string): number => SLIDE_PLAN.findIndex((s) => s.id === id) + 1;

const counter = (page: Page) => page.getByTestId('slide-counter');
const title = (page: Page) => page.getByRole('heading', { level: 1 });

test.describe('lecture mode', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('moves by keyboard, hides its controls, and leaves with Escape', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/?preset=smoke&mode=lecture');
    await expect(counter(page)).toHaveText(`1 / ${TOTAL}`);
    await expect(title(page)).toHaveText('Supervised pretraining, and what it costs');

    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(`2 / ${TOTAL}`);
    await expect(title(page)).toHaveText('Self-supervised learning: the data labels itself');
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText(`3 / ${TOTAL}`);
    await expect(title(page)).toHaveText('Pretext task: context prediction');
    await expect(page).toHaveURL(/mode=lecture&slide=3/);
    await page.keyboard.press('ArrowLeft');
    await expect(counter(page)).toHaveText(`2 / ${TOTAL}`);
    await page.keyboard.press('PageUp');
    await expect(counter(page)).toHaveText(`1 / ${TOTAL}`);
    await page.keyboard.press('ArrowLeft');
    await expect(counter(page)).toHaveText(`1 / ${TOTAL}`); // no wrapping round to the end

    // The slide menu is a select: keys typed there are the select's (h would hide the controls elsewhere).
    const menu = page.getByRole('combobox', { name: 'Go to slide' });
    await menu.focus();
    await page.keyboard.press('h');
    await page.keyboard.press(' ');
    await expect(page.getByRole('navigation', { name: 'Lecture controls' })).toBeVisible();
    await expect(counter(page)).toHaveText(`1 / ${TOTAL}`);
    await menu.selectOption({ label: '8. RotNet: which way is up?' });
    await expect(counter(page)).toHaveText(`8 / ${TOTAL}`);
    await expect(title(page)).toHaveText('RotNet: which way is up?');

    const controls = page.getByRole('navigation', { name: 'Lecture controls' });
    await page.getByRole('main').focus();
    await page.keyboard.press('h');
    await expect(controls).toHaveCount(0);
    await expect(counter(page)).toBeVisible();
    await page.keyboard.press('h');
    await expect(controls).toBeVisible();

    // Tab reaches every control and comes back round: no trap.
    await page.getByRole('main').focus();
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName ?? ''));
    }
    expect([...seen].join('|')).toContain('Leave lecture');

    // On a live slide, arrows in a radio group move the radio, not the slide.
    await menu.selectOption({ label: `${slideNo('compare')}. ${SLIDE_PLAN[slideNo('compare') - 1].title}` });
    const fullTest = page.getByRole('radio', { name: /all 10,000 test images/ });
    await page.getByRole('radio', { name: /the lecture.s 300 test images/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(fullTest).toBeChecked();
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(`${slideNo('compare')} / ${TOTAL}`);

    await page.getByRole('main').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: 'Pretext Lab' })).toBeVisible();
    await expect(page).not.toHaveURL(/mode=lecture/);
    expect(errors).toEqual([]);
  });

  test('Space starts training on a training slide, then pauses and resumes it', async ({ page }) => {
    test.setTimeout(240_000);
    const errors = collectPageErrors(page);
    // Slide 10 is pretext training; three epochs leave time to pause on a fast machine. 500 pretext images (6,000
    // rotated examples over the three epochs) instead of Tiny's 2,000: a run of 24,000 took ~40 s of this spec on
    // 2 cores, and the keys are all it is about.
    await page.goto('/?preset=smoke&splits.pretextCount=500&pretext.epochs=3&mode=lecture&slide=10');
    await expect(title(page)).toHaveText('Pretext training: learn from labels that cost nothing');
    const trainButton = page.getByRole('button', { name: 'Train the rotation pretext model' });
    await expect(trainButton).toBeEnabled({ timeout: 60_000 });

    await page.getByRole('main').focus();
    await page.keyboard.press(' ');
    const bar = page.getByRole('progressbar');
    await expect(bar).toAppear({ timeout: 30_000 });
    await expect(page.getByText(/^Training the rotation pretext model/)).toBeVisible();
    // Controls and live charts together, with nothing to scroll: the loss chart is whole on the 1280x720 screen.
    await expect(page.locator('figure.training-chart').filter({ hasText: 'rotation pretext model: loss' })).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Pause' })).toBeInViewport({ ratio: 1 });
    await expect.poll(() => offSlide(page), { message: 'the pretext slide while it trains' }).toEqual([]);
    await page.keyboard.press(' ');
    await expect(page.getByText(/^Paused: rotation pretext model/)).toAppear({ timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lecture-pretext-paused.png` });
    await page.keyboard.press(' ');
    await expect(page.getByText(/^Training the rotation pretext model/)).toAppear({ timeout: 30_000 });
    await expect(page.getByText(/Trained for 3 epochs/)).toAppear({ timeout: 180_000 });
    // The slide is the pretext panel, so the live digit probe is on it: the untrained trunk, then each epoch.
    const probe = page.getByRole('img', { name: /^Digit accuracy of a linear probe on these features: epoch 0 \(the untrained trunk\) [\d.]+%, after epoch 1 [\d.]+%, after epoch 2 [\d.]+%, after epoch 3 [\d.]+%; chance is 10%\.$/ });
    await probe.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lecture-pretext-probe.png` });

    // A finished step is not retrained by a stray Space: the lab says how instead.
    await page.getByRole('main').focus();
    await page.keyboard.press(' ');
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(/already trained/)).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lecture-pretext-trained.png` });

    // The other two training slides: the same, from the first batch.
    for (const [id, label] of [['transfer', 'self-supervised head (rotation features)'], ['supervised', 'supervised model']] as const) {
      await page.keyboard.press('ArrowRight');
      await expect(counter(page)).toHaveText(`${slideNo(id)} / ${TOTAL}`);
      await page.getByRole('main').focus();
      await page.keyboard.press(' ');
      await expect(page.locator('figure.training-chart').filter({ hasText: `${label}: loss` })).toBeInViewport({ ratio: 1, timeout: 30_000 });
      await expect(page.getByRole('progressbar').or(page.getByText(/Trained for \d+ epochs?|Stopped early after/))).toBeInViewport();
      await expect.poll(() => offSlide(page), { message: `the ${id} slide while it trains` }).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/lecture-${id}-training.png` });
      await expect(page.getByText(/Trained for \d+ epochs?|Stopped early after/)).toAppear({ timeout: 120_000 });
    }
    expect(errors).toEqual([]);
  });

  test('a refused full-screen request leaves a working lecture and says so', async ({ page }) => {
    await page.goto('/?mode=lecture&slide=2');
    // Refused as a browser would (a policy, an iframe without allowfullscreen). Replaced after the page has loaded,
    // not by an init script: the tab is shared with later tests (e2e/shared-page.ts), and an init script stays.
    await page.evaluate(() => {
      Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('Permissions check failed'));
    });
    await page.getByRole('button', { name: 'Full screen' }).click();
    await expect(page.getByRole('list', { name: 'Messages' }).getByText(/did not allow full screen/)).toBeVisible();
    await page.getByRole('main').focus();
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(`3 / ${TOTAL}`);
  });

  test('a link opens the slide of a step, and leaving returns to the step on the page', async ({ page }) => {
    await page.goto('/?preset=smoke&mode=lecture#transfer');
    await expect(title(page)).toHaveText('Transfer: freeze the features, train a new head');
    await expect(counter(page)).toHaveText(`11 / ${TOTAL}`);
    await expect(page).toHaveURL(/mode=lecture&slide=11$/);
    await page.keyboard.press('ArrowRight');
    await expect(counter(page)).toHaveText(`12 / ${TOTAL}`);
    await page.getByRole('button', { name: 'Leave lecture (Esc)' }).click();
    await expect(page.locator('#supervised')).toBeInViewport();
    await expect(page).toHaveURL(/\?preset=smoke&seed=1#supervised$/);

    // Back at the top, the header button starts the lecture from the beginning.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(page).toHaveURL(/seed=1$/);
    await page.getByRole('button', { name: 'Lecture mode', exact: true }).click();
    await expect(counter(page)).toHaveText(`1 / ${TOTAL}`);
  });
});

/**
 * What lies outside the slide: the stage's content beyond its height (it would scroll), and any visible element
 * of the slide outside the stage's box (clipped, or under the control bar). Elements inside a scrolling box of
 * their own (a wide table's wrapper) and the insides of a chart's SVG are that box's business, not the slide's.
 */
function offSlide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const stage = document.querySelector('.lecture-stage') as HTMLElement;
    const box = stage.getBoundingClientRect();
    const out: string[] = [];
    if (stage.scrollHeight > stage.clientHeight + 1) out.push(`the slide is ${stage.scrollHeight - stage.clientHeight} px taller than the screen (fit ${stage.dataset.fit}, content ${(stage.firstElementChild as HTMLElement).offsetHeight} in ${stage.clientHeight})`);
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== stage; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') return true;
      }
      return false;
    };
    for (const el of stage.querySelectorAll('.slide-content *')) {
      if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
      // A closed disclosure's contents still have boxes in Chromium, though nothing of them is drawn.
      const closed = el.closest('details:not([open])');
      if (closed && !el.closest('summary') && el !== closed) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden' || clipped(el)) continue;
      if (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}" at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`);
        if (out.length > 4) break;
      }
    }
    return out;
  });
}

// Both projector sizes in one page: the slides are the same page laid out again, so a second page load (~5 s
// on 2 cores) would photograph nothing new. The first size walks forward, the second walks back from the end.
test('lecture slides fit the screen and are photographed: every slide at 1280x720 and at 1920x1080', async ({ page }) => {
  // A second or two per slide and size, and the slide count grows with the registry.
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?preset=smoke&mode=lecture');
  await expect(page.getByRole('button', { name: 'Next →' })).toBeVisible();
  const slides = Array.from({ length: TOTAL }, (_, i) => i + 1);
  const fits: string[] = [];
  for (const [size, order, key] of [
    [{ width: 1280, height: 720 }, slides, 'ArrowRight'],
    [{ width: 1920, height: 1080 }, [...slides].reverse(), 'ArrowLeft'],
  ] as const) {
    await page.setViewportSize(size);
    for (const i of order) {
      await expect(counter(page)).toHaveText(`${i} / ${TOTAL}`);
      // Live slides show data once MNIST has loaded; wait for it on the first of them.
      if (i === slideNo('rotation')) await expect(page.getByText('pretext image #3')).toAppear({ timeout: 60_000 });
      // A slide drawn from a recorded file is checked with its data, not with its "Loading…" line.
      await expect(page.getByRole('status').filter({ hasText: /^Loading the recorded/ })).toHaveCount(0, { timeout: 30_000 });
      // The type steps down until the slide fits (src/lecture/fit.ts): wait for it to settle, then nothing may lie outside.
      await expect.poll(() => offSlide(page), { message: `slide ${i} (${SLIDE_PLAN[i - 1].id}) at ${size.width}x${size.height}` }).toEqual([]);
      fits.push(`${size.width}:${SLIDE_PLAN[i - 1].id}=${await page.locator('.lecture-stage').getAttribute('data-fit')}`);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/lecture-${size.width}-slide-${String(i).padStart(2, '0')}.png` });
      if (i !== order[order.length - 1]) await page.keyboard.press(key);
    }
  }
  console.log(`fit factors: ${fits.join(' ')}`);
});
