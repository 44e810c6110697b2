/**
 * Accessibility checked by machine and by keyboard: axe finds no WCAG 2.1 A/AA violation on lecture slides; one
 * training step can be run with the keyboard alone; and a live lecture slide keeps Train / Pause above the fold
 * at projector sizes. (The study page with results on it, the shipped models scored and a drawing, is checked by
 * axe in shipped-models.spec.ts, on the page that spec has already brought to that state.)
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { SLIDE_PLAN } from '../src/lecture/slide-plan';
import { axeViolations, SCREENSHOT_DIR } from './helpers';


async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
}

test('no WCAG A/AA violations on lecture slides, and Train / Pause stay above the fold', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  // probe=off: this spec is not about the live digit probe, which reads the trunk after every epoch and would only lengthen its runs.
  await page.goto('/?preset=smoke&mode=lecture&slide=2&probe=off');
  await expect(page.getByTestId('slide-counter')).toHaveText(`2 / ${SLIDE_PLAN.length}`);
  expect(await axeViolations(page)).toEqual([]);
  // On to slide 10 as a presenter goes, with the arrow keys: opening it by its address cost a second page load.
  for (let slide = 3; slide <= 10; slide++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('slide-counter')).toHaveText(`${slide} / ${SLIDE_PLAN.length}`);
  }
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(viewport);
    // The three training slides, moved through with the arrow keys as a presenter does.
    for (const slide of [10, 11, 12]) {
      if (slide > 10) await page.keyboard.press('ArrowRight');
      else if (viewport.width > 1280) for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
      await expect(page.getByTestId('slide-counter')).toHaveText(`${slide} / ${SLIDE_PLAN.length}`);
      const controls = page.getByRole('group', { name: /^Training controls/ });
      await expect(controls).toAppear({ timeout: 60_000 });
      const bar = await page.getByRole('navigation', { name: 'Lecture controls' }).boundingBox();
      const where = `slide ${slide} at ${viewport.width}x${viewport.height}`;
      for (const name of [/^(Re)?[Tt]rain the /, /^Pause$/]) {
        const box = await controls.getByRole('button', { name }).boundingBox();
        // Above the control bar at the bottom, not just inside the window.
        expect(box !== null && bar !== null && box.y >= 0 && box.y + box.height <= bar.y, `${String(name)} above the fold on ${where}`).toBe(true);
      }
      if (slide === 10) await page.screenshot({ path: `${SCREENSHOT_DIR}/lecture-pretext-${viewport.width}x${viewport.height}.png` });
      if (slide === 10 && viewport.width === 1280) expect(await axeViolations(page)).toEqual([]);
    }
  }
});

test('one training step with the keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  await ready(page, '/#pretext');
  await page.getByRole('radio', { name: /Tiny/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /Tiny/ })).toBeChecked();
  // Tab forward until the pretext Train button has the focus, as a keyboard user would; on the way, type 200
  // into the number of pretext images (Tiny's 2,000 would only make the run longer: this is about the keys).
  const images = page.getByRole('spinbutton', { name: 'Unlabelled pretext images' });
  const train = page.locator('#pretext').getByRole('button', { name: 'Train the rotation pretext model' });
  const focused = (target: typeof train) => target.evaluate((el) => el === document.activeElement);
  // The field takes Tiny's value in an effect just after the radio changes (see chooseTiny in helpers.ts).
  await expect(images).toHaveValue('2000');
  for (let i = 0; i < 80 && !(await focused(train)); i++) {
    if (await focused(images)) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type('200');
    }
    await page.keyboard.press('Tab');
  }
  await expect(images).toHaveValue('200');
  await expect(train).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#pretext').getByText(/Trained for \d+ epochs?/)).toAppear({ timeout: 180_000 });
  // Train was disabled while it ran, which drops the focus; Tab must carry on from there, inside the step (the
  // next control), not from the top of the page.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('#pretext') !== null)).toBe(true);
});
