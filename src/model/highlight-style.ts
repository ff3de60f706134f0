import * as v from 'valibot';

/*
 * How mentions are painted, as the user chose it on the options page: an underline, a background or both, in
 * one colour for entities (fuzzy matches included) and one for topics. The default is highlights.css itself.
 */

const colour = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'must be a colour such as #f5b301'));

/** The user's highlight style. */
export const HighlightStyleSchema = v.strictObject({
  mode: v.picklist(['both', 'underline', 'background']),
  entity: colour,
  topic: colour,
});

/** The user's highlight style. */
export type HighlightStyle = v.InferOutput<typeof HighlightStyleSchema>;

/** What highlights.css paints. */
export const DEFAULT_HIGHLIGHT: HighlightStyle = { mode: 'both', entity: '#f5b301', topic: '#0ea5e9' };

/** Whether a style is the default one (then no stylesheet is added to pages). */
export function isDefaultHighlight(style: HighlightStyle): boolean {
  return (
    style.mode === DEFAULT_HIGHLIGHT.mode &&
    style.entity === DEFAULT_HIGHLIGHT.entity &&
    style.topic === DEFAULT_HIGHLIGHT.topic
  );
}

/** The rule of one highlight key in a style. */
function rule(key: string, style: HighlightStyle, colour: string, line: string): string {
  const background = style.mode === 'underline' ? 'transparent' : `${colour}59`;
  const decoration = style.mode === 'background' ? 'none' : `underline ${line} ${colour}`;
  return `::highlight(${key}) { background-color: ${background} !important; text-decoration: ${decoration} !important; text-underline-offset: 3px !important; }`;
}

/**
 * The stylesheet that paints mentions in the user's style over highlights.css, or '' for the default. Only
 * validated colours reach it, so it cannot carry anything but these rules.
 */
export function highlightCss(style: HighlightStyle): string {
  if (isDefaultHighlight(style)) return '';
  const safe = v.parse(HighlightStyleSchema, style);
  return [
    rule('ann-entity', safe, safe.entity, '2px'),
    rule('ann-topic', safe, safe.topic, 'dotted 2px'),
    rule('ann-fuzzy', safe, safe.entity, 'wavy 1.5px'),
  ].join('\n');
}
