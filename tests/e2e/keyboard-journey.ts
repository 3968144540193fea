import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Language } from '../../shared/domain/settings';
import { kinds, type MovementKind } from '../../shared/ledger';
import { screenshotDir } from './support';

/** What the journeys' keyboard steps need: the page and the texts of the language it runs in. */
export interface KeyboardJourney {
  page: Page;
  t: TFunction;
  language: Language;
}

/**
 * The bound for expect.poll in the journeys. Its default, one second, is too short for a slow machine to
 * show what a step changed (a live query, a render, a reload); the poll still returns as soon as it matches.
 */
export const settled = { timeout: 30_000 } as const;

export async function waitForFocus(page: Page, field: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') === wanted,
    field,
  );
}

/** Types into the focused field and presses a key, the way a scanner or a hand on the keyboard does. */
export async function typeThen(page: Page, field: string, text: string, key: string): Promise<void> {
  await waitForFocus(page, field);
  await page.keyboard.type(text);
  await page.keyboard.press(key);
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A button's accessible name: antd puts a space between the two characters of a two-character Chinese label (冲 销). */
export function buttonName(label: string): RegExp {
  return new RegExp(`^${[...label].map(escapeRegExp).join(' ?')}$`);
}

/**
 * A full-page screenshot of the screen at rest: transitions finished (a drawer half slid in hides what it
 * shows) and the success toasts left out — they pile up at this pace, and each one also shows on the page.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({
    path: join(screenshotDir, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
    style: '.ant-message { display: none !important; }',
  });
}

export function kindName({ language }: KeyboardJourney, kind: MovementKind): string {
  return language === 'zh-CN' ? kinds[kind].nameZh : kinds[kind].nameEn;
}

/**
 * Waits until the movement form knows the book's locations: they come by a live query of their own after
 * the form shows, and a location typed before they arrive names none. The location field then suggests
 * the first code. The form opens on a receipt, whose line has a "to" location.
 */
export async function locationsKnown({ page, t }: KeyboardJourney, firstCode: string): Promise<void> {
  await expect
    .poll(
      () => page.getByLabel(`${t('movements.to')} 1`, { exact: true }).getAttribute('placeholder'),
      settled,
    )
    .toBe(firstCode);
}

/** From the scan field, Shift+Tab to the movement type, type part of its name, Enter. */
export async function chooseKind(journey: KeyboardJourney, kind: MovementKind, typed: string): Promise<void> {
  const { page, t } = journey;
  await waitForFocus(page, 'lines[0].scan');
  await page.keyboard.press('Shift+Tab');
  const select = page.getByRole('combobox', { name: t('movements.kind'), exact: true });
  await page.waitForFunction(
    (label) => document.activeElement?.getAttribute('aria-label') === label,
    t('movements.kind'),
  );
  await page.keyboard.type(typed);
  // antd's listbox for screen readers is hidden; the visible list marks the option Enter would pick.
  await page
    .locator('.ant-select-item-option-active')
    .filter({ hasText: kindName(journey, kind) })
    .waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: t('movements.post', { kind: kindName(journey, kind) }) }).waitFor();
  await select.waitFor();
}

/** Waits for the "posted" line the form shows after a movement is posted, and for the scan field again. */
export async function posted(journey: KeyboardJourney, kind: MovementKind, lines: string): Promise<void> {
  const { page, t } = journey;
  await page
    .getByRole('status')
    .filter({ hasText: t('movements.posted', { kind: kindName(journey, kind), lines }) })
    .waitFor();
  await waitForFocus(page, 'lines[0].scan');
}
