/**
 * The speaker view beside lecture mode, as a lecturer uses it: "Speaker view" opens a second window on the
 * same slide with its notes, the next title and a clock; next / previous from either window (buttons or keys)
 * move both; Train and Pause in the speaker view start and pause the run in the lecture window, which owns the
 * worker; closing the lecture window leaves the speaker view working. axe checks the speaker view, and a
 * screenshot of it is saved for a human to look at.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { axeViolations, collectPageErrors, saveScreenshot } from './helpers';
import { SLIDE_PLAN } from '../src/lecture/slide-plan';
import { BLANK_PATH } from './built-app';

const TOTAL = SLIDE_PLAN.length;
/** Slide numbers (from 1) of the pretext slide and its neighbours in the plan the app uses. */
const PRETEXT = SLIDE_PLAN.findIndex((s) => s.id === 'pretext') + 1;
const titleOf = (n: number) => SLIDE_PLAN[n - 1].title;

const audienceAt = (page: Page, n: number) => expect(page.getByTestId('slide-counter')).toHaveText(`${n} / ${TOTAL}`);
const speakerAt = async (speaker: Page, n: number) => {
  await expect(speaker.getByTestId('speaker-counter')).toHaveText(`Slide ${n} of ${TOTAL}`);
  await expect(speaker.getByRole('heading', { level: 1 })).toHaveText(titleOf(n));
};

test('the speaker view and the lecture stay in step, and its Train / Pause drive the lecture window', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  // Tiny with the live probe off: the run only has to start and pause, and the probe would lengthen its start.
  await page.goto(`/?preset=smoke&probe=off&mode=lecture&slide=${PRETEXT - 1}`);
  await audienceAt(page, PRETEXT - 1);

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: /^Speaker view/ }).click();
  const speaker = await opened;
  const speakerErrors = collectPageErrors(speaker);
  await speakerAt(speaker, PRETEXT - 1);
  await expect(speaker.getByRole('status').filter({ hasText: 'In step with the lecture window.' })).toBeVisible();
  await expect(speaker.getByTestId('speaker-next')).toHaveText(titleOf(PRETEXT));
  await expect(speaker).toHaveURL(/mode=speaker/);
  await expect(speaker).toHaveURL(/preset=smoke/);

  // Next in the speaker view moves both; a key in the lecture window moves both back; a key in the speaker view forward again.
  await speaker.getByRole('button', { name: 'Next →' }).click();
  await audienceAt(page, PRETEXT);
  await speakerAt(speaker, PRETEXT);
  await page.keyboard.press('ArrowLeft');
  await speakerAt(speaker, PRETEXT - 1);
  await audienceAt(page, PRETEXT - 1);
  await speaker.keyboard.press('ArrowRight');
  await audienceAt(page, PRETEXT);
  await speakerAt(speaker, PRETEXT);

  // The pretext slide's notes: its explanation, read off the lecture window's slide, and its "Try this".
  const notes = speaker.getByRole('region', { name: 'Notes' });
  await expect(notes).toContainText('A small convolutional network');
  await expect(notes).toContainText('Try this');
  await expect(notes).toContainText('Train the pretext model for 1 epoch, then for 5');

  // Train from the speaker view once the lecture window can train (its engine and data loaded).
  const trainer = page.getByRole('group', { name: /^Training controls/ });
  await expect(trainer.getByRole('button', { name: 'Train the rotation pretext model' })).toBeEnabled({ timeout: 60_000 });
  await speaker.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(trainer.getByRole('button', { name: 'Pause', exact: true })).toBeEnabled({ timeout: 30_000 });
  await expect(speaker.getByTestId('speaker-run')).toHaveText('Training: running');
  await speaker.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(trainer.getByRole('button', { name: 'Resume', exact: true })).toBeEnabled();
  await expect(speaker.getByTestId('speaker-run')).toHaveText('Training: paused');
  await expect(speaker.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();

  expect(await axeViolations(speaker)).toEqual([]);
  await saveScreenshot(speaker, 'speaker-view', { fullPage: false });

  // Closing the lecture window leaves the speaker view working on its own. (The lecture's tab is the suite's
  // shared tab, which must stay open; leaving the page ends it for the speaker view just as closing it would.)
  await page.goto(BLANK_PATH);
  await expect(speaker.getByRole('status').filter({ hasText: 'The lecture window was closed.' })).toBeVisible();
  await speaker.getByRole('button', { name: 'Next →' }).click();
  await speakerAt(speaker, PRETEXT + 1);
  expect(errors).toEqual([]);
  expect(speakerErrors).toEqual([]);
});
