import axe from 'axe-core';

// jsdom has no canvas; axe asks for one only to measure icon fonts, and gets none.
Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', { value: () => null, configurable: true });

/**
 * Serious and critical accessibility problems axe finds in a rendered component. jsdom lays out
 * nothing, so the checks that need layout (colour contrast) are left to the browser tests.
 */
export const seriousAccessibilityProblems = async (container: Element) => {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
};
