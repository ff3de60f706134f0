// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { mayHostShadow } from './collect-text';

/** Whether the DOM lets this element host a shadow root. */
function canAttach(element: Element): boolean {
  try {
    element.attachShadow({ mode: 'closed' });
    return true;
  } catch {
    return false;
  }
}

const NAMES = (
  'a abbr address area article aside audio b bdi blockquote body br button canvas caption cite code dd del ' +
  'details dialog div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr i ' +
  'iframe img input ins label legend li main mark menu nav ol output p picture pre q s section select small ' +
  'span strong sub summary sup table tbody td textarea time tr u ul video closed-box x-widget'
).split(' ');

describe('mayHostShadow', () => {
  it.each(NAMES)('<%s> is asked for a closed shadow root exactly when the DOM lets it have one', (name) => {
    expect(mayHostShadow(document.createElement(name))).toBe(canAttach(document.createElement(name)));
  });

  it('an SVG element never hosts one', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    expect(mayHostShadow(svg)).toBe(false);
    expect(canAttach(svg)).toBe(false);
  });
});
