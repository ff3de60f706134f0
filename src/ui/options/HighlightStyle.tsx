import { sendToBackground } from '../../messaging/client';
import type { Settings } from '../../messaging/protocol';
import { DEFAULT_HIGHLIGHT, type HighlightStyle as Style } from '../../model/highlight-style';

interface Props {
  settings: Settings;
  onChange: (settings: Settings) => void;
}

const MODES: Array<{ mode: Style['mode']; label: string }> = [
  { mode: 'both', label: 'Underline and background' },
  { mode: 'underline', label: 'Underline only' },
  { mode: 'background', label: 'Background only' },
];

/** How a sample mention looks in a style (the options page's preview). */
function sample(style: Style, colour: string, line: string) {
  return {
    backgroundColor: style.mode === 'underline' ? 'transparent' : `${colour}59`,
    textDecoration: style.mode === 'background' ? 'none' : `underline ${line} ${colour}`,
    textUnderlineOffset: '3px',
  };
}

/** The highlight style: underline, background or both, and the colours of entities and topics. */
export function HighlightStyle({ settings, onChange }: Props) {
  const style = settings.highlight;
  const save = async (next: Style) => {
    onChange({ ...settings, highlight: next });
    const result = await sendToBackground('highlight.set', { style: next });
    if (result.ok) onChange(result.value);
  };
  return (
    <section aria-labelledby="style-title">
      <h2 id="style-title">Highlight style</h2>
      <fieldset>
        <legend>Mentions are painted with</legend>
        {MODES.map(({ mode, label }) => (
          <label class="check" key={mode}>
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={style.mode === mode}
              onChange={() => void save({ ...style, mode })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div class="colours">
        <label>
          <input
            type="color"
            value={style.entity}
            onChange={(e) => void save({ ...style, entity: e.currentTarget.value })}
          />
          Entities colour
        </label>
        <label>
          <input
            type="color"
            value={style.topic}
            onChange={(e) => void save({ ...style, topic: e.currentTarget.value })}
          />
          Topics colour
        </label>
        <button type="button" class="btn" onClick={() => void save(DEFAULT_HIGHLIGHT)}>
          Reset to default
        </button>
      </div>
      <p class="preview">
        Preview: <span style={sample(style, style.entity, '2px')}>Nvidia</span> faces new{' '}
        <span style={sample(style, style.topic, 'dotted 2px')}>export controls</span>.
      </p>
    </section>
  );
}
