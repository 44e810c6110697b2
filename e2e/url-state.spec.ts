/**
 * Shareable links: a teacher's link lands every student on the same step with the same settings; a bad value
 * in a link is named in a notice and replaced by the preset's (and never run); the address bar follows the
 * settings and the step in view; "Copy link to this setup" copies it; "Try this" can make its change.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './shared-page';
import { SLIDE_PLAN } from '../src/lecture/slide-plan';
import { LESSON_IDS } from '../src/lessons/registry';
import { collectPageErrors, SCREENSHOT_DIR } from './helpers';

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });

async function openStepSettings(page: Page): Promise<void> {
  const details = page.locator('#settings details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

test('a shared link opens the same step with the same settings', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/?preset=smoke&seed=7&pretext.epochs=2#pretext');
  // Wait for the data: the panels above the pretext step grow when it arrives, which must not move us.
  await expect(page.getByRole('table', { name: 'How the images are used' })).toAppear({ timeout: 60_000 });
  const pretext = page.locator('#pretext');
  await expect(pretext).toBeInViewport();
  await expect(page.locator('[data-lesson="pretext"]')).toBeFocused();
  await expect(pretext.getByText(/batch 192, 2 epochs/)).toBeVisible();

  // The address is rewritten, not reloaded, and still says the same thing (checked before we open the settings
  // form below: working in it scrolls it into view, and the address then rightly names that step instead).
  await expect(page).toHaveURL(/\/\?preset=smoke&seed=7&pretext\.epochs=2#pretext$/);

  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await openStepSettings(page);
  await expect(page.getByRole('spinbutton', { name: 'Pretext epochs' })).toHaveValue('2');
  await expect(page.getByRole('spinbutton', { name: 'Unlabelled pretext images' })).toHaveValue('2000');
  await expect(page.getByText('Custom settings (changed from a preset).')).toBeVisible();
  await expect(messages(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an out-of-range seed is reported by name and replaced by the default', async ({ page }) => {
  await page.goto('/?seed=-5');
  const notice = messages(page).getByText(/seed/);
  await expect(notice).toBeVisible();
  await expect(notice).toHaveText(/The link sets seed to “-5”, but seed must be a whole number from 0 to 2147483647\. Using the Quick preset's value, 1\./);
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('1');
  await expect(page).toHaveURL(/\?preset=quick&seed=1(#[a-z]+)?$/);
  await page.locator('.notices').screenshot({ path: `${SCREENSHOT_DIR}/url-bad-seed.png` });
});

test('script-like text in a link is reported, never run, and the default is used', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto(`/?preset=smoke&pretext.batchSize=${encodeURIComponent('<script>alert(1)</script>')}&${encodeURIComponent('<img src=x onerror=alert(2)>')}=1`);
  await expect(messages(page).getByText(/pretext\.batchSize must be a whole number from 1 to 8192/)).toBeVisible();
  await expect(messages(page).getByText(/settings the lab does not know/)).toBeVisible();
  await openStepSettings(page);
  await expect(page.getByRole('spinbutton', { name: 'Pretext batch size' })).toHaveValue('192');
  await expect(page.getByRole('radio', { name: /Tiny/ })).toBeChecked();
  // Nothing from the link became markup: no injected element, no alert, not even the text repeated.
  expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
  await expect(messages(page)).not.toContainText('<script');
  expect(dialogs).toBe(0);
  await expect(page).toHaveURL(/\?preset=smoke&seed=1(#[a-z]+)?$/);
});

test('a link malformed in every parameter at once names every problem in one message, and the lab opens on defaults', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/?preset=huge&seed=abc&pretext.epochs=-1&pretext.batchSize=x&scaling=cm&backend=tpu&mode=party&slide=0&webgl=maybe&colour=red#nowhere');
  const notice = messages(page).getByText(/This link has \d+ problems; the lab used its own values for each/);
  await expect(notice).toBeVisible();
  for (const word of ['preset', 'seed', 'pretext.epochs', 'pretext.batchSize', 'scaling', 'backend', 'mode', 'slide', 'webgl', 'colour', 'nowhere']) {
    await expect(notice).toContainText(word);
  }
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('1');
  await expect(page.getByRole('radio', { name: /Quick/ })).toBeChecked();
  await expect(page.getByTestId('backend-name')).not.toBeEmpty({ timeout: 60_000 });
  await expect(page).toHaveURL(/\?preset=quick&seed=1(#[a-z]+)?$/);
  expect(errors).toEqual([]);
});

test('the address follows the settings and the step in view, and the link can be copied', async ({ page, context }) => {
  test.setTimeout(90_000); // two pages start the plain-JavaScript backend
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?backend=cpu');
  await expect(page.getByTestId('backend-name')).toHaveText('plain JavaScript CPU', { timeout: 60_000 });
  await page.getByRole('radio', { name: /Tiny/ }).check();
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('5');
  await page.getByRole('radio', { name: /divided by 255/ }).check();
  // (Working in the settings form scrolled it into view, so the address names that step too.)
  await expect(page).toHaveURL(/\?preset=smoke&seed=5&scaling=unit&backend=cpu(#settings)?$/);

  await page.evaluate(() => document.getElementById('compare')?.scrollIntoView({ block: 'start' }));
  await expect(page).toHaveURL(/backend=cpu#compare$/);

  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page).toHaveURL(/backend=cpu$/);
  await page.getByRole('button', { name: 'Copy link to this setup' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^http:\/\/localhost:\d+\/\?preset=smoke&seed=5&scaling=unit&backend=cpu$/);

  // The copied link reproduces the setup in a fresh page.
  const other = await context.newPage();
  await other.goto(copied);
  await expect(other.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('5');
  await expect(other.getByRole('radio', { name: /divided by 255/ })).toBeChecked();
  await expect(other.getByTestId('backend-name')).toHaveText('plain JavaScript CPU', { timeout: 60_000 });
});

test('each step ends with a "Try this", and its button makes the change', async ({ page }) => {
  await page.goto('/?preset=smoke');
  for (const step of LESSON_IDS) {
    await expect(page.getByRole('complementary', { name: `Try this: ${step} step` })).toBeVisible();
  }
  // Steps are named through the lesson registry, as links to their panels.
  const pretext = page.getByRole('complementary', { name: 'Try this: pretext step' });
  await expect(pretext.getByRole('link', { name: 'step 5 (Transfer)' })).toHaveAttribute('href', '#transfer');
  await expect(page.getByRole('complementary', { name: 'Try this: draw step' })).toContainText('Draw a 6 upside down');
  const transfer = page.getByRole('complementary', { name: 'Try this: transfer step' });
  await transfer.getByRole('button', { name: 'Use 100 labelled images' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Labelled images' })).toHaveValue('100');
  await expect(messages(page).getByText(/Labelled images set to 100/)).toBeVisible();
  await expect(page).toHaveURL(/splits\.labelledCount=100/);
  await page.locator('[data-lesson="pretext"]').screenshot({ path: `${SCREENSHOT_DIR}/try-this-pretext.png` });
});

test('everything in the header is reachable by Tab, with a visible focus ring', async ({ page }) => {
  await page.goto('/');
  // As a student would: Tab once the header is there and settled (the engine's status line gains a Backend
  // choice when it is ready). A Tab pressed before React's first render lands nowhere in the page.
  await expect(page.getByText(/Training on/)).toAppear({ timeout: 60_000 });
  const names: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    names.push((await focused.getAttribute('aria-label')) ?? (await focused.innerText().catch(() => '')) ?? '');
    const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  }
  expect(names.slice(0, 2)).toEqual(['Lecture mode', 'Copy link to this setup']);
  // Enter on the focused lecture button opens lecture mode; Escape brings the page back.
  await page.getByRole('button', { name: 'Lecture mode', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('slide-counter')).toHaveText(`1 / ${SLIDE_PLAN.length}`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Lecture mode', exact: true })).toBeVisible();
});
