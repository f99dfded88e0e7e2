/**
 * Every main page at 360, 768 and 1280 px in both languages (and once in the dark theme, scanned by axe), as a student, an instructor, an admin and a visitor
 * would see it. Each screenshot is kept with the run's output (test-results/screens-…/) for a person to look at; the
 * test itself fails when a page has no heading or when the page as a whole scrolls sideways (wide tables must scroll
 * inside their own frame). The student's part also measures, in the page, how long the review screen takes to
 * react to an answer and to show the next card, and how much JavaScript /review loads on first visit; both figures
 * are reported as annotations (and in screens-…/review-timing.json), never asserted as times.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { DEMO_PASSWORD, expectAccessible, signIn, signUpAndIn } from './support';
import { PORT } from './port';

const COURSE = 'struktur-keamanan-regional';
const LESSON = 'pertahanan-kolektif';
const WIDTHS = [360, 768, 1280] as const;
const LANGS = ['id', 'en'] as const;

test.use({ timezoneId: 'Asia/Jakarta' });

async function setLanguage(context: BrowserContext, lang: string) {
  await context.addCookies([{ name: 'ingat-locale', value: lang, url: `http://localhost:${PORT}` }]);
}

/** Visits each path at each width and language, checks it, and keeps a full-page screenshot. */
async function shoot(page: Page, testInfo: TestInfo, role: string, paths: [name: string, path: string][]) {
  const problems: string[] = [];
  for (const lang of LANGS) {
    await setLanguage(page.context(), lang);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const [name, path] of paths) {
        const response = await page.goto(path);
        const where = `${path} (${lang}, ${width} px)`;
        if (!response || response.status() >= 400) problems.push(`${where}: HTTP ${response?.status()}`);
        await expect(page.getByRole('heading', { level: 1 }).first(), where).toBeVisible();
        await expect(page.locator('html'), where).toHaveAttribute('lang', lang);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${where}: the page scrolls sideways by ${overflow} px`);
        await page.screenshot({ path: testInfo.outputPath(`${role}-${name}-${lang}-${width}.png`), fullPage: true });
      }
    }
  }
  // The dark theme (the device's setting): every page once more, scanned by axe, since its colours are separate.
  await setLanguage(page.context(), 'id');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const [name, path] of paths) {
    await page.goto(path);
    await expectAccessible(page);
    await page.screenshot({ path: testInfo.outputPath(`${role}-${name}-id-1280-dark.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  expect(problems).toEqual([]);
}

async function newContext(browser: Browser) {
  return browser.newContext({ timezoneId: 'Asia/Jakarta' });
}

/** p-th percentile (nearest rank) of a list of numbers. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

test.describe.configure({ timeout: 300_000 });

test('instructor and student pages: screenshots, no sideways scrolling, and the review screen measured', async ({
  browser,
}, testInfo) => {
  // An instructor's class with an assignment, and a student in it who has answered a few cards.
  const teacherContext = await newContext(browser);
  const teacher = await teacherContext.newPage();
  await signIn(teacher, 'dosen@ingat.test', DEMO_PASSWORD);
  await teacher.goto('/classes');
  await teacher.getByLabel('Nama kelas').fill('Kelas Contoh HI-301');
  await teacher.getByRole('button', { name: 'Buat kelas' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Kelas Contoh HI-301');
  const classPath = new URL(teacher.url()).pathname;
  const code = (await teacher.getByTestId('join-code').innerText()).trim();
  await teacher.getByLabel('Pelajaran', { exact: true }).selectOption(LESSON);
  await teacher.getByLabel('Tenggat').fill('2026-12-20');
  await teacher.getByRole('button', { name: 'Tugaskan' }).click();
  await expect(teacher.getByText('Pelajaran ditugaskan')).toBeVisible();

  // The student's first visit to /review in a fresh mobile-sized context: how much JavaScript it transfers.
  const studentContext = await browser.newContext({
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 360, height: 800 },
  });
  const student = await studentContext.newPage();
  await signUpAndIn(student, 'contoh');
  await student.goto('/classes');
  await student.getByLabel('Kode bergabung').fill(code);
  await student.getByRole('button', { name: 'Bergabung' }).click();
  await expect(student.getByText('Anda sudah bergabung.')).toBeVisible();
  await student.goto(`/courses/${COURSE}/lessons/${LESSON}`);
  await student.getByRole('button', { name: 'Tambahkan pelajaran ini ke ulasan' }).click();
  await expect(student.getByTestId('form-message')).toContainText('kartu baru ditambahkan');

  const measuring = await browser.newContext({
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 360, height: 800 },
    isMobile: true,
    hasTouch: true,
    storageState: await studentContext.storageState(),
  });
  const fresh = await measuring.newPage();
  let scriptBytes = 0;
  fresh.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    void request.sizes().then((s) => (scriptBytes += s.responseBodySize));
  });
  await fresh.goto('/review', { waitUntil: 'networkidle' });
  await expect(fresh.getByTestId('question')).toBeVisible();
  await measuring.close();

  // Ten answers on the review screen, timed inside the page: from the key that submits the answer to the feedback
  // on screen, and from the key that goes on to the next card on screen.
  await student.addInitScript(() => {
    const w = window as unknown as { __keyAt: number; __marks: { kind: string; at: number; id: string }[] };
    w.__marks = [];
    window.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__keyAt = performance.now()), true);
    new MutationObserver(() => {
      const q = document.querySelector('[data-testid="question"]');
      const id = q?.getAttribute('data-item-id') ?? '';
      const feedback = q?.querySelector('[data-testid="feedback"]');
      const last = w.__marks.at(-1);
      if (feedback && !(last?.kind === 'feedback' && last.id === id))
        w.__marks.push({ kind: 'feedback', at: performance.now() - w.__keyAt, id });
      else if (!feedback && id && last && last.id !== id && last.kind === 'feedback')
        w.__marks.push({ kind: 'next', at: performance.now() - w.__keyAt, id });
    }).observe(document, { subtree: true, childList: true });
  });
  await student.goto('/review');
  for (let i = 0; i < 10; i++) {
    const q = student.getByTestId('question');
    await expect(q).toBeVisible();
    const id = await q.getAttribute('data-item-id');
    await student.keyboard.press('1');
    await student.keyboard.type('x');
    await student.keyboard.press('Enter');
    await expect(q.getByTestId('feedback')).toBeVisible();
    await student.keyboard.press('Enter');
    await expect(student.locator(`[data-testid="question"][data-item-id="${id}"]`)).toHaveCount(0);
  }
  await expect(student.getByTestId('question')).toBeVisible();
  const marks = await student.evaluate(
    () => (window as unknown as { __marks: { kind: string; at: number }[] }).__marks,
  );
  const feedbackMs = marks.filter((m) => m.kind === 'feedback').map((m) => m.at);
  const nextMs = marks.filter((m) => m.kind === 'next').map((m) => m.at);
  expect(feedbackMs.length).toBe(10);
  expect(nextMs.length).toBe(10);
  const timing = {
    answers: 10,
    feedbackMs: { p50: percentile(feedbackMs, 50), p75: percentile(feedbackMs, 75), max: Math.max(...feedbackMs) },
    nextCardMs: { p50: percentile(nextMs, 50), p75: percentile(nextMs, 75), max: Math.max(...nextMs) },
    reviewFirstLoadScriptKB: Math.round(scriptBytes / 102.4) / 10,
  };
  writeFileSync(testInfo.outputPath('review-timing.json'), JSON.stringify(timing, null, 2));
  testInfo.annotations.push({
    type: 'measured',
    description:
      `/review first load: ${timing.reviewFirstLoadScriptKB} KB of JavaScript transferred; answer → feedback ` +
      `p75 ${timing.feedbackMs.p75.toFixed(0)} ms, next → card p75 ${timing.nextCardMs.p75.toFixed(0)} ms (10 answers)`,
  });
  console.log(`[screens] ${testInfo.annotations.at(-1)!.description}`);

  // The instructor finds the student on the roster.
  await teacher.goto(classPath);
  await teacher.getByTestId('roster-row').first().getByRole('link').first().click();
  await expect(teacher).toHaveURL(/\/students\//);
  const studentPath = new URL(teacher.url()).pathname;

  await shoot(student, testInfo, 'student', [
    ['home', '/'],
    ['courses', '/courses'],
    ['course', `/courses/${COURSE}`],
    ['lesson', `/courses/${COURSE}/lessons/${LESSON}`],
    ['glossary', `/courses/${COURSE}/glossary`],
    ['comparison', `/courses/${COURSE}/comparison`],
    ['editor-notes', `/courses/${COURSE}/editor-notes`],
    ['review', '/review'],
    ['stats', '/stats'],
    ['exam', '/exam'],
    ['classes', '/classes'],
    ['settings', '/settings'],
    ['account', '/account'],
    ['welcome', '/welcome'],
  ]);
  await shoot(teacher, testInfo, 'instructor', [
    ['home', '/'],
    ['classes', '/classes'],
    ['class', classPath],
    ['items', `${classPath}/items`],
    ['student', studentPath],
  ]);
  await studentContext.close();
  await teacherContext.close();
});

test('admin and visitor pages: screenshots and no sideways scrolling', async ({ browser }, testInfo) => {
  const adminContext = await newContext(browser);
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin@ingat.test', DEMO_PASSWORD);
  await shoot(admin, testInfo, 'admin', [
    ['home', '/'],
    ['users', '/admin/users'],
  ]);
  await adminContext.close();

  const visitorContext = await newContext(browser);
  const visitor = await visitorContext.newPage();
  await shoot(visitor, testInfo, 'visitor', [
    ['signin', '/signin'],
    ['signup', '/signup'],
    ['forgot-password', '/forgot-password'],
    ['developers', '/developers'],
    ['courses', '/courses'],
  ]);
  await visitorContext.close();
});
