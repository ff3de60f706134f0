import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text';

describe('extractText', () => {
  it('keeps visible text, drops scripts and styles, puts blocks on their own lines', () => {
    const html =
      '<div><h1>Title</h1><script>var x = "China";</script><style>p{}</style><p>One <b>bold</b>\n  word</p><p>Two<br>lines</p><template>Hidden</template></div>';
    expect(extractText(html)).toBe('Title\nOne bold word\nTwo\nlines');
  });
  it('makes block edges word boundaries', () => {
    expect(extractText('<ul><li>China</li><li>Japan</li></ul>')).toBe('China\nJapan');
  });
});
