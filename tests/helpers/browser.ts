/** Headless Chromium from Debian (no browser downloads here), driven by playwright-core. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PHONE = { width: 360, height: 740 };

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-thai-tlwg), as .ci/run does`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../.tmp/screenshots');

/** axe-core tags for "WCAG 2.2 level AA": every A and AA rule of 2.0, 2.1 and 2.2. */
export const AXE_WCAG22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

export const MIN_TOUCH_TARGET = 44;
/** Two targets closer than this look like one control (a button glued to the card above it). */
export const MIN_TARGET_GAP = 4;
/** Two labels closer than this read as one word ("DepositsDocuments"). */
export const MIN_LABEL_GAP = 6;

/**
 * Sideways scrolling, elements sticking out of the viewport, and boxes whose content spills out
 * of them or is cut off by them (`overflow: hidden` hiding the last digits is no fix). Exempt:
 * screen-reader-only text (clipped on purpose), text truncated with an ellipsis, and boxes that
 * scroll on purpose (`overflow: auto`). Each problem names the element: tag, classes, text.
 */
export function findLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (el: Element) => {
      const cls = [...el.classList].map((c) => `.${c}`).join('');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}${text ? ` "${text}"` : ''}`;
    };
    const within = (el: Element | null, test: (s: CSSStyleDeclaration) => boolean): boolean => {
      for (let a = el; a && a !== document.body; a = a.parentElement) if (test(getComputedStyle(a))) return true;
      return false;
    };
    const srOnly = (el: Element) => within(el, (s) => s.clip !== 'auto' || s.clipPath !== 'none');
    // Inside a box that clips or scrolls: that box is where the problem (if any) is reported.
    const insideClippingBox = (el: Element) => within(el.parentElement, (s) => s.overflowX !== 'visible');
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      problems.push(`page scrolls sideways: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
    }
    const vw = root.clientWidth;
    const outside = new Set<Element>();
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || srOnly(el) || insideClippingBox(el)) continue;
      if (r.right > vw + 0.5 || r.left < -0.5) outside.add(el);
    }
    for (const el of outside) {
      if (el.parentElement && outside.has(el.parentElement)) continue; // name the outermost only
      const r = el.getBoundingClientRect();
      problems.push(`${name(el)} sticks out of the ${vw}px screen (left ${r.left.toFixed(1)}, right ${r.right.toFixed(1)})`);
    }
    const spilling = [...document.body.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      if (s.display === 'inline' || s.display === 'contents' || srOnly(el)) return false;
      if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.textOverflow === 'ellipsis') return false;
      if (el instanceof SVGElement || el.clientWidth === 0) return false;
      return el.scrollWidth > el.clientWidth + 1;
    });
    for (const el of spilling) {
      if (spilling.some((other) => other !== el && el.contains(other))) continue; // name the innermost only
      const verb = getComputedStyle(el).overflowX === 'visible' ? 'spills out of' : 'is cut off by';
      problems.push(`${name(el)}: content ${el.scrollWidth}px wide ${verb} a ${el.clientWidth}px box`);
    }
    return problems;
  });
}

/**
 * Touch targets smaller than 44×44 CSS px, targets that overlap or touch one another (less than
 * MIN_TARGET_GAP between their boxes), and side-by-side targets whose labels run together (less
 * than MIN_LABEL_GAP between the text). A link inside
 * running text (display: inline, in a block that has text of its own) is exempt, as WCAG 2.5.8's
 * inline exception allows; see tests/browser/screens-checked.test.ts for why.
 */
export function findTouchTargetProblems(page: Page, min = MIN_TOUCH_TARGET): Promise<string[]> {
  return page.evaluate(
    ({ minSize, minGap, minLabelGap }) => {
      const name = (el: Element) => {
        const cls = [...el.classList].map((c) => `.${c}`).join('');
        const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${el.tagName.toLowerCase()}${cls}${text ? ` "${text}"` : ''}`;
      };
      const inRunningText = (el: Element) => {
        if (getComputedStyle(el).display !== 'inline') return false;
        const parent = el.parentElement;
        return !!parent && [...parent.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      };
      const targets = [...document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], summary')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      });
      const problems: string[] = [];
      for (const el of targets) {
        if (inRunningText(el)) continue;
        const r = el.getBoundingClientRect();
        // Rounding: layout can land on 43.99 for a 44 px box at device pixel ratio 2.
        if (r.width < minSize - 0.05 || r.height < minSize - 0.05) {
          problems.push(`touch target ${name(el)} is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px (< ${minSize}×${minSize})`);
        }
      }
      // Fixed bars (the tab bar) float over content that scrolls beneath them: not an overlap.
      const floating = (el: Element) => {
        for (let a: Element | null = el; a; a = a.parentElement) {
          const p = getComputedStyle(a).position;
          if (p === 'fixed' || p === 'sticky') return true;
        }
        return false;
      };
      const inFlow = targets.filter((el) => !floating(el));
      const rects = inFlow.map((el) => el.getBoundingClientRect());
      for (let i = 0; i < inFlow.length; i++) {
        for (let j = i + 1; j < inFlow.length; j++) {
          const a = rects[i]!,
            b = rects[j]!;
          if (inFlow[i]!.contains(inFlow[j]!) || inFlow[j]!.contains(inFlow[i]!)) continue;
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (overlapX > 0.5 && overlapY > 0.5) problems.push(`touch targets overlap: ${name(inFlow[i]!)} and ${name(inFlow[j]!)}`);
          // Side by side or one above the other with (almost) no space between: they read as one.
          else if ((overlapX > 0.5 && overlapY > -minGap) || (overlapY > 0.5 && overlapX > -minGap)) {
            problems.push(`touch targets touch (${Math.max(-overlapX, -overlapY).toFixed(1)} px apart): ${name(inFlow[i]!)} and ${name(inFlow[j]!)}`);
          }
        }
      }
      // Where the text of each target is drawn (not its box, which may touch its neighbour's).
      const labelBox = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return r.width > 0 ? r : null;
      };
      const labels = targets.map((el) => ({ el, box: labelBox(el), floating: floating(el) }));
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i]!,
            b = labels[j]!;
          if (!a.box || !b.box || a.floating !== b.floating || a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const sameLine = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top) > 0;
          const gap = Math.max(a.box.left, b.box.left) - Math.min(a.box.right, b.box.right);
          if (sameLine && gap < minLabelGap) {
            problems.push(`labels run together (${gap.toFixed(1)} px apart): ${name(a.el)} and ${name(b.el)}`);
          }
        }
      }
      return problems;
    },
    { minSize: min, minGap: MIN_TARGET_GAP, minLabelGap: MIN_LABEL_GAP },
  );
}
