import * as v from 'valibot';
import { type AnchoredAnnotation, type Annotation, AnnotationSchema } from '../model/annotation';
import { MAX_BACKUP_BYTES, type RestoreReport } from '../model/backup';
import type { Brief } from '../model/brief';
import type { Card } from '../model/card';
import type { CardConflict, ConflictMark } from '../model/card-conflict';
import { CaseIdSchema } from '../model/case';
import { type Article, type Clip, MAX_CLIP_NOTE, MAX_CLIP_TAG, MAX_CLIP_TAGS, type PdfFacts } from '../model/clip';
import type { Evidence } from '../model/evidence';
import { type HighlightStyle, HighlightStyleSchema } from '../model/highlight-style';
import { HistorySettingsSchema, type HistoryState } from '../model/history';
import type { InsightArticle, InsightCard } from '../model/insights/sources';
import { type CardSummary, MATCH_VARIANTS, type Mention } from '../model/mention';
import { LIST_BUCKETS, type ListReport, type PackReport, PackSchema } from '../model/pack';
import type { SignalHitRecord } from '../model/signal-hit';
import type { SharedOrigin, TeamActivity, TeamStatus } from '../model/team';
import { type CaseAnswers, casePanelMessages } from './cases';

/*
 * Every message that crosses a context boundary is declared here, once: its payload schema (checked on
 * arrival, since a message may come from a stale script or a stranger) and its answer's type.
 */

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const cardId = v.pipe(v.string(), v.maxLength(128));
const packId = v.pipe(v.string(), v.maxLength(64));
const clipId = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/));
const captureId = v.pipe(v.string(), v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
/** Largest page text the background will scan in one message (5 MB pages are the stated worst case). */
export const MAX_PAGE_TEXT = 8 * 1024 * 1024;
/** Largest pack file an import accepts. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Largest bucket of a list import (a bucket holds about 1/256 of a list). */
export const MAX_LIST_BUCKET_BYTES = 32 * 1024 * 1024;

/** Most mentions one frame reports. */
export const MAX_MENTIONS = 50_000;
const MentionSchema = v.strictObject({
  cardId,
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  quote: v.pipe(v.string(), v.maxLength(512)),
  match: v.picklist(['exact', 'alias', 'keyword', 'fuzzy']),
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  matched: v.optional(v.pipe(v.string(), v.maxLength(512))),
  variant: v.optional(v.picklist(MATCH_VARIANTS)),
  before: v.optional(v.pipe(v.string(), v.maxLength(64))),
  after: v.optional(v.pipe(v.string(), v.maxLength(64))),
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
const CardSummarySchema = v.strictObject({
  id: cardId,
  name: v.pipe(v.string(), v.maxLength(512)),
  kind: v.pipe(v.string(), v.maxLength(64)),
  topic: v.boolean(),
});
const source = AnnotationSchema.entries.target.entries.source;
const annotationId = v.pipe(v.string(), v.regex(/^urn:uuid:[0-9a-f-]{36}$/));
/** Largest annotation file an import accepts. */
export const MAX_ANNOTATIONS_BYTES = 10 * 1024 * 1024;

/** A keyboard command (declared in the manifest), also reachable from the UI. */
export const CommandSchema = v.picklist(['next-mention', 'previous-mention', 'annotate-selection']);
/** A keyboard command's name. */
export type Command = v.InferOutput<typeof CommandSchema>;

/** What the content script may ask of the background. */
export const contentToBackground = {
  /**
   * Match the visible text of the sender's page; the answer lists mentions and the cards they name. A `part`
   * (text that changed on a live page) is matched but not recorded: `page.record` follows. A `preview` (the top
   * of a big page, painted while the rest is collected) is only matched: the whole page's match follows.
   */
  'page.match': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT)),
    url: v.pipe(v.string(), v.maxLength(8192)),
    title: v.pipe(v.string(), v.maxLength(2048)),
    part: v.optional(v.boolean()),
    preview: v.optional(v.boolean()),
    /** The offsets of the text's block breaks (its other line breaks are inside paragraphs). */
    breaks: v.optional(v.pipe(v.array(v.number()), v.maxLength(MAX_PAGE_TEXT))),
  }),
  /**
   * The dictionary for the sender's page to match its own text with (`page.found` then tells what it found), or
   * null: the site is off or Dossier paused, or the dictionary is too big to copy into pages (then `page.match`).
   */
  'page.dictionary': v.strictObject({}),
  /**
   * What the sender's page found matching its own text (with `page.dictionary`), once painted: recorded and
   * watched for signals as `page.match` does with what it finds. A `part` is text that changed on a live page.
   */
  'page.found': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT)),
    url: v.pipe(v.string(), v.maxLength(8192)),
    title: v.pipe(v.string(), v.maxLength(2048)),
    part: v.optional(v.boolean()),
    breaks: v.optional(v.pipe(v.array(v.number()), v.maxLength(MAX_PAGE_TEXT))),
    mentions: v.pipe(v.array(MentionSchema), v.maxLength(MAX_MENTIONS)),
    cards: v.pipe(v.array(CardSummarySchema), v.maxLength(MAX_MENTIONS)),
  }),
  /** The mentions now painted in the sender's frame, after the page changed (document order). */
  'page.record': v.strictObject({
    url: v.pipe(v.string(), v.maxLength(8192)),
    title: v.pipe(v.string(), v.maxLength(2048)),
    mentions: v.pipe(v.array(MentionSchema), v.maxLength(MAX_MENTIONS)),
    cards: v.pipe(v.array(CardSummarySchema), v.maxLength(MAX_MENTIONS)),
  }),
  /** The user pauses Dossier everywhere (from the popover). */
  'pause.set': v.strictObject({ paused: v.boolean() }),
  /** The user stops showing a card on the sender's tab's site (from the popover; undone on the options page). */
  'card.ignore': v.strictObject({ cardId }),
  /** The full card, for the popover. */
  'card.get': v.strictObject({ id: cardId }),
  /** Open the side panel of the sender's tab on a card (needs the user's click). */
  'panel.open': v.strictObject({ cardId: v.optional(cardId) }),
  /** Whether Dossier runs on the sender's tab; asked before any text is collected. */
  'site.status': v.strictObject({}),
  /** The user's highlights and notes on a page (its canonical URL). */
  'annotations.page': v.strictObject({ source }),
  /** Stores a new highlight or note, or a newer version of one (validated whole). */
  'annotation.save': v.strictObject({ annotation: AnnotationSchema }),
  /** Deletes a highlight or note. */
  'annotation.delete': v.strictObject({ source, id: annotationId }),
  /** The sender's highlights and notes were anchored again (the side panel reloads them). */
  'annotations.changed': v.strictObject({}),
  /** The user turns Dossier on or off for the sender's tab's site (from the popover). */
  'site.set': v.strictObject({ enabled: v.boolean() }),
  /** The names of the teams this browser joined (the popover offers to share a card with each). */
  'teams.names': v.strictObject({}),
  /** The user shares the popover's card with a joined team (their click on "Share with <team>"). */
  'card.share': v.strictObject({ cardId, team: v.pipe(v.string(), v.maxLength(64)) }),
} as const;

/** What extension pages (side panel, options) may ask of the background. */
export const panelToBackground = {
  /** The mentions and cards of a tab, and which card the user asked to see. */
  'tab.state': v.strictObject({ tabId }),
  /** The full card. */
  'card.get': v.strictObject({ id: cardId }),
  /** Every card in the library. */
  'cards.list': v.strictObject({}),
  /** The ids of the cards with these names (letter case aside; names no card has are left out). */
  'cards.named': v.strictObject({
    names: v.pipe(v.array(v.pipe(v.string(), v.maxLength(512))), v.maxLength(1000)),
  }),
  /** The cards with these ids (those that exist). */
  'cards.some': v.strictObject({ ids: v.pipe(v.array(cardId), v.maxLength(MAX_MENTIONS)) }),
  /** Imports a pack file (JSON or CSV, at most MAX_IMPORT_BYTES). */
  'pack.import': v.strictObject({
    fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
    text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_BYTES, 'the file is larger than 10 MB')),
  }),
  /**
   * Starts importing a list (a CSV or JSON pack read as a stream by the options page) into pack `packId`: answers
   * the import's id and the digests of the pack's buckets as stored, so that only changed buckets are sent. A JSON
   * pack gives its own version and description.
   */
  'list.begin': v.strictObject({
    packId: PackSchema.entries.id,
    name: PackSchema.entries.name,
    version: v.optional(PackSchema.entries.version),
    description: v.optional(PackSchema.entries.description),
    source: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  }),
  /** Buckets of a list import's cards (each the JSON of a card list), staged: nothing changes until the commit. */
  'list.stage': v.strictObject({
    importId: v.pipe(v.string(), v.maxLength(128)),
    buckets: v.pipe(
      v.array(
        v.strictObject({
          bucket: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIST_BUCKETS - 1)),
          cards: v.pipe(v.string(), v.maxLength(MAX_LIST_BUCKET_BYTES, 'a bucket of a list must be at most 32 MB')),
        }),
      ),
      v.minLength(1),
      v.maxLength(LIST_BUCKETS),
      v.check(
        (buckets) => buckets.reduce((n, b) => n + b.cards.length, 0) <= MAX_LIST_BUCKET_BYTES,
        'the buckets of one message must be at most 32 MB',
      ),
    ),
  }),
  /** Switches the pack to the list's new version: every bucket it holds, with its digest. */
  'list.commit': v.strictObject({
    importId: v.pipe(v.string(), v.maxLength(128)),
    buckets: v.pipe(
      v.array(
        v.strictObject({
          bucket: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIST_BUCKETS - 1)),
          digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{14}$/)),
        }),
      ),
      v.minLength(1),
      v.maxLength(LIST_BUCKETS),
    ),
  }),
  /** Abandons a list import: the pack stays as it was. */
  'list.cancel': v.strictObject({ importId: v.pipe(v.string(), v.maxLength(128)) }),
  /** The installed packs. */
  'packs.list': v.strictObject({}),
  /** Whether Dossier runs on a tab's site. */
  'tab.site': v.strictObject({ tabId }),
  /** Turns Dossier on or off for a tab's site. */
  'tab.site.set': v.strictObject({ tabId, enabled: v.boolean() }),
  /** Pauses or resumes Dossier everywhere. */
  'pause.set': v.strictObject({ paused: v.boolean() }),
  /** The cards ignored on each site. */
  'ignored.list': v.strictObject({}),
  /** Shows a card ignored on a site again. */
  'ignored.remove': v.strictObject({ site: v.pipe(v.string(), v.maxLength(253)), cardId }),
  /** Scrolls a tab to one of a card's mentions (in document order) and flashes it. */
  'mention.reveal': v.strictObject({ tabId, cardId, index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** Runs a keyboard command on a tab, as its shortcut does. */
  'command.run': v.strictObject({ command: CommandSchema, tabId }),
  /** Creates a card (`create`; its id is chosen from its name) or saves an edit; the card is validated whole. */
  'card.save': v.strictObject({ card: v.unknown(), create: v.boolean() }),
  /** Deletes a card; `card.restore` undoes it. */
  'card.delete': v.strictObject({ id: cardId }),
  /** Brings back a deleted card. */
  'card.restore': v.strictObject({ id: cardId }),
  /** Enables or disables a pack. */
  'pack.enable': v.strictObject({ packId, enabled: v.boolean() }),
  /** Removes a pack and its cards (not the built-in pack). */
  'pack.remove': v.strictObject({ packId }),
  /** A pack as a file to download, in the JSON or CSV format. */
  'pack.export': v.strictObject({ packId, format: v.picklist(['json', 'csv']) }),
  /** The watch signals that fired on a tab's page, and the latest ones elsewhere. */
  'signals.list': v.strictObject({ tabId }),
  /** Scrolls a tab to the sentence of one of its signal hits and paints it. */
  'signal.reveal': v.strictObject({ tabId, hitId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)) }),
  /** Shares one stored signal hit (page, signal, sentence) with a joined team. */
  'signal.share': v.strictObject({
    hitId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
    team: v.pipe(v.string(), v.maxLength(64)),
  }),
  /** Which clipped articles a signal rule (as the card editor holds it) would have fired on. */
  'signal.preview': v.strictObject({
    cardId: v.optional(cardId),
    name: v.pipe(v.string(), v.maxLength(512)),
    rule: v.unknown(),
  }),
  /** Turns system notifications of watch signals on or off (the permission is asked for by the options page). */
  'alerts.set': v.strictObject({ enabled: v.boolean() }),
  /** Every card of the library, those of disabled packs included, with their packs (the side panel's library). */
  'library.list': v.strictObject({}),
  /**
   * The enabled lists' cards whose name or an alias holds the query at the start of a word (see
   * `Library.searchLists`): a page of them from `offset`, narrowed by kind, tag and pack ('' for any).
   */
  'library.search': v.strictObject({
    query: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    kind: v.pipe(v.string(), v.maxLength(64)),
    tag: v.pipe(v.string(), v.maxLength(200)),
    pack: v.union([packId, v.pipe(v.string(), v.regex(/^team:/), v.maxLength(200))]),
  }),
  /** Where Dossier runs and how it paints (the options page). */
  'settings.get': v.strictObject({}),
  /** Turns Dossier on or off for a site named on the options page. */
  'site.enable': v.strictObject({
    site: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(253)),
    enabled: v.boolean(),
  }),
  /** Sets how mentions are painted. */
  'highlight.set': v.strictObject({ style: HighlightStyleSchema }),
  /**
   * Clips the article of a tab's page (or updates its earlier clip, keeping the user's tags and note), with the
   * page's brief when `brief` is set. On a PDF, `keepFile` keeps the file itself with the clip when it is at most
   * MAX_KEPT_PDF_BYTES (a larger one is clipped without it: the clip says its file is not kept).
   */
  'clip.save': v.strictObject({ tabId, brief: v.optional(v.boolean()), keepFile: v.optional(v.boolean()) }),
  /**
   * The PDF file a clip keeps, left for the reader page to take (messaging/file-handover.ts), with the address
   * it was clipped from.
   */
  'clip.file': v.strictObject({ clipId }),
  /** The brief of a tab's page (its article): summary, entities and topics, implications, signals, related. */
  'page.brief': v.strictObject({ tabId }),
  /** One clip. */
  'clip.get': v.strictObject({ clipId }),
  /** Every clip, most recent first. */
  'clips.list': v.strictObject({}),
  /** The user's highlights and notes on a tab's page, each anchored or orphaned. */
  'tab.annotations': v.strictObject({ tabId }),
  /** Stores a newer version of a highlight or note (its note edited). */
  'annotation.save': v.strictObject({ annotation: AnnotationSchema }),
  /** Deletes a highlight or note. */
  'annotation.delete': v.strictObject({ source, id: annotationId }),
  /** Scrolls a tab to one of its highlights or notes and flashes it. */
  'annotation.reveal': v.strictObject({ tabId, id: annotationId }),
  /** A tab page's highlights and notes as a W3C JSON-LD file (an AnnotationCollection). */
  'annotations.export': v.strictObject({ tabId }),
  /** Imports a W3C JSON-LD file of annotations (validated whole first); open pages anchor them at once. */
  'annotations.import': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_ANNOTATIONS_BYTES, 'the file is larger than 10 MB')),
  }),
  /** Sets the user's tags and note on a clip (tags trimmed and deduplicated; a re-clip keeps them). */
  'clip.update': v.strictObject({
    clipId,
    tags: v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.trim(),
          v.minLength(1),
          v.maxLength(MAX_CLIP_TAG, `a tag is at most ${MAX_CLIP_TAG} characters`),
        ),
      ),
      v.maxLength(MAX_CLIP_TAGS, `a clip has at most ${MAX_CLIP_TAGS} tags`),
    ),
    note: v.pipe(v.string(), v.maxLength(MAX_CLIP_NOTE, `a note is at most ${MAX_CLIP_NOTE} characters`)),
  }),
  /** Deletes a clip; `clip.restore` undoes it. */
  'clip.delete': v.strictObject({ clipId }),
  /** Brings back the clip deleted last. */
  'clip.restore': v.strictObject({ clipId }),
  /** Every clip with its mentions, and the user's highlights and notes, as a W3C AnnotationCollection (JSON-LD). */
  'clips.export': v.strictObject({}),
  /** The teams this browser joined, with their replication state. */
  'teams.list': v.strictObject({}),
  /** Joins a team on a CouchDB server; the password is used to sign in once and never stored. */
  'team.join': v.strictObject({
    url: v.pipe(v.string(), v.maxLength(2048)),
    team: v.pipe(v.string(), v.maxLength(64)),
    user: v.pipe(v.string(), v.maxLength(64)),
    password: v.pipe(v.string(), v.minLength(1, 'the password is empty'), v.maxLength(1024)),
  }),
  /** The teams a card is shared in, with who shared it and who changed it last. */
  'card.origins': v.strictObject({ cardId }),
  /** Shares a card with a joined team (it replicates to the team's server and its members). */
  'card.share': v.strictObject({ cardId, team: v.pipe(v.string(), v.maxLength(64)) }),
  /** Shares a pack (its record and all its cards) with a joined team. */
  'pack.share': v.strictObject({
    packId: v.pipe(v.string(), v.maxLength(200)),
    team: v.pipe(v.string(), v.maxLength(64)),
  }),
  /** Shares a clip (article, mentions, tags and note) with a joined team. */
  'clip.share': v.strictObject({ clipId, team: v.pipe(v.string(), v.maxLength(64)) }),
  /** Shares a tab page's highlights and notes with a joined team; later changes to them follow. */
  'annotations.share': v.strictObject({ tabId, team: v.pipe(v.string(), v.maxLength(64)) }),
  /** The latest changes in the joined teams: who shared or changed what, and when. */
  'team.activity': v.strictObject({}),
  /** The cards in conflict in the joined teams (edited by two members while apart). */
  'team.conflicts': v.strictObject({}),
  /** A card's versions in conflict, in each joined team where it has some (the winner first). */
  'card.conflicts': v.strictObject({ cardId }),
  /** Resolves a card's conflict in a team: `card` is kept (a version or a merge); `revs`, the versions compared. */
  'card.resolve': v.strictObject({
    cardId,
    team: v.pipe(v.string(), v.maxLength(64)),
    revs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.minLength(2), v.maxLength(100)),
    card: v.unknown(),
  }),
  /** Removes a card from a team: deleted there for every member. */
  'card.unshare': v.strictObject({ cardId, team: v.pipe(v.string(), v.maxLength(64)) }),
  /** Leaves a team: its local database is deleted, the private one stays. */
  'team.leave': v.strictObject({ team: v.pipe(v.string(), v.maxLength(64)) }),
  /** Every card, pack and setting, as a backup file. */
  'data.export': v.strictObject({}),
  /** Replaces everything with a backup file's content (validated whole first). */
  'data.restore': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(MAX_BACKUP_BYTES, 'the file is larger than 50 MB')),
  }),
  /** Deletes every card, pack and setting; `confirm` must say so. */
  'data.wipe': v.strictObject({ confirm: v.literal(true) }),
  /** The clips (and visited pages, when the history is on) reduced to mentions per card, and the cards. */
  'insights.data': v.strictObject({}),
  /** Whether visited pages are kept, for how long, and how many are. */
  'history.get': v.strictObject({}),
  /** Turns the history of visited pages on or off and sets its retention period (a shorter one prunes). */
  'history.set': HistorySettingsSchema,
  /** Forgets every visited page kept. */
  'history.clear': v.strictObject({}),
  /**
   * Captures a tab's page as evidence for its clip (snapshot, screenshot, HTTP facts, hashes), stored immutable;
   * a clip filed in a case is captured for that case (its log says so).
   */
  'evidence.capture': v.strictObject({ tabId, clipId }),
  /** The evidence captures of a clip or of a case (every capture when neither is given), oldest first. */
  'evidence.list': v.strictObject({ clipId: v.optional(clipId), caseId: v.optional(CaseIdSchema) }),
  /** A capture's record and its snapshot, for the viewer (entered in the case's custody log as viewed). */
  'evidence.view': v.strictObject({ captureId }),
  /** One file of a capture (base64). */
  'evidence.file': v.strictObject({
    captureId,
    name: v.picklist(['snapshot.mhtml', 'snapshot.html', 'screenshot.png']),
  }),
  /**
   * A case as one bundle (ZIP, base64): its notes (file name → Markdown, made by the panel), JSON-LD, captures and
   * custody log with a manifest of every file's SHA-256; signed with the user's key when `sign` is set.
   */
  'case.bundle': v.strictObject({
    caseId: CaseIdSchema,
    notes: v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(300)), v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT))),
      v.check((notes) => Object.keys(notes).length <= 10_000, 'at most 10,000 notes'),
    ),
    sign: v.boolean(),
  }),
  /** The user's key for signing case bundles (its public half and fingerprint), or null. */
  'signing.key': v.strictObject({}),
  /** Makes the user's signing key (Ed25519, the private key never leaves the browser); `replace` replaces one. */
  'signing.create': v.strictObject({ replace: v.boolean() }),
  ...casePanelMessages,
} as const;

/** What the background may ask of a content script. */
export const backgroundToContent = {
  /** Collect, match and paint the page again (cards changed, or the background lost its state). */
  'page.refresh': v.strictObject({}),
  /** Move to the next or previous mention and open its card with focus inside (the keyboard commands). */
  'page.step': v.strictObject({ direction: v.picklist(['next', 'previous']) }),
  /** Offer the annotation toolbar on the page's selection, with focus in it (the keyboard command). */
  'page.annotate': v.strictObject({}),
  /** The page's highlights and notes, each anchored or orphaned. */
  'page.annotations': v.strictObject({}),
  /** Load the page's highlights and notes again and anchor them (those of `source` changed, or any). */
  'page.annotations.refresh': v.strictObject({ source: v.optional(source) }),
  /** Scroll to a highlight or note and flash it. */
  'page.annotation.reveal': v.strictObject({ id: annotationId }),
  /** Scroll to a signal's evidence sentence and paint it. */
  'page.evidence.reveal': v.strictObject({ sentence: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)) }),
  /** Scroll to a card's first (or next) mention and flash it. */
  'page.reveal': v.strictObject({ cardId, index: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }),
} as const;

/** What the background may ask of Dossier's PDF reader page (besides what it asks of any page). */
export const backgroundToReader = {
  /** The reader's document as a clip's article, with the file's facts. */
  'pdf.article': v.strictObject({}),
  /** The reader's file, left for the background to take (messaging/file-handover.ts): its key. */
  'pdf.file': v.strictObject({}),
} as const;

/** An installed pack, as the options page lists it. */
export interface PackSummary {
  packId: string;
  name: string;
  version: string;
  enabled: boolean;
  /** Comes with Dossier: can be disabled, not removed. */
  builtIn: boolean;
  cards: number;
}

/** A page's mentions as the background keeps them for the side panel. */
export interface TabState {
  tabId: number;
  url: string;
  title: string;
  mentions: Mention[];
  cards: CardSummary[];
  /** The card the user opened the panel on, if any. */
  focusCardId: string | null;
  /** Why Dossier is idle on this tab, when it is. */
  idleReason: string | null;
}

/** Whether Dossier runs on a site, as the popover, side panel and toolbar show it. */
export interface SiteState {
  site: string | null;
  enabled: boolean;
  paused: boolean;
  reason: string | null;
}

/** A compiled dictionary for a page to match with, and the cards it may show there. */
export interface PageDictionary {
  /** The serialised dictionary (the engine's `serializeDictionary`). */
  dictionary: string;
  /** The cards the page shows: a match of any other (one ignored on the page's site) is dropped. */
  cards: CardSummary[];
}

/** A card ignored on one site. */
export interface IgnoredCard {
  site: string;
  cardId: string;
  /** The card's name, or null when the card no longer exists. */
  name: string | null;
}

/** The answer type of each message. */
export interface Answers extends CaseAnswers {
  'page.match': { mentions: Mention[]; cards: CardSummary[] };
  'page.dictionary': PageDictionary | null;
  'page.found': { recorded: number };
  'card.get': Card;
  'panel.open': { opened: boolean };
  'tab.state': TabState;
  'cards.list': Card[];
  'cards.some': Card[];
  'cards.named': Array<{ name: string; id: string }>;
  'pack.import': PackReport;
  'list.begin': { importId: string; digests: Record<string, string> };
  'list.stage': { staged: number };
  'list.commit': ListReport;
  'list.cancel': { cancelled: boolean };
  'packs.list': PackSummary[];
  'site.status': SiteState;
  'site.set': SiteState;
  'tab.site': SiteState;
  'tab.site.set': SiteState;
  'pause.set': SiteState;
  'page.refresh': { mentions: number };
  'page.reveal': { found: boolean };
  'page.step': { found: boolean };
  'page.record': { recorded: number };
  'card.ignore': { ignored: boolean };
  'ignored.list': IgnoredCard[];
  'ignored.remove': { removed: boolean };
  'command.run': { found: boolean };
  'mention.reveal': { found: boolean };
  'card.save': Card;
  'card.delete': { name: string };
  'card.restore': { name: string };
  'pack.enable': PackSummary[];
  'pack.remove': { removed: number };
  'pack.export': DownloadFile;
  'library.list': LibraryList;
  'library.search': ListSearch;
  'settings.get': Settings;
  'site.enable': Settings;
  'highlight.set': Settings;
  'data.export': DownloadFile;
  'data.restore': RestoreReport;
  'data.wipe': { wiped: true };
  'clip.save': Clip;
  'page.brief': Brief;
  'clip.get': Clip;
  'clips.list': Clip[];
  'annotations.page': Annotation[];
  'annotation.save': Annotation;
  'annotation.delete': { removed: boolean };
  'annotations.changed': { announced: boolean };
  'tab.annotations': PageAnnotations;
  'annotations.export': DownloadFile;
  'annotation.reveal': { found: boolean };
  'annotations.import': { imported: number; pages: number };
  'page.annotations': PageAnnotations;
  'page.annotate': { found: boolean };
  'page.annotations.refresh': PageAnnotations;
  'page.annotation.reveal': { found: boolean };
  'clip.update': Clip;
  'clip.delete': { title: string };
  'clip.restore': Clip;
  'clips.export': DownloadFile;
  'teams.list': TeamStatus[];
  'team.join': TeamStatus[];
  'team.leave': TeamStatus[];
  'card.share': { team: string; cardId: string };
  'teams.names': string[];
  'pack.share': { team: string; cards: number };
  'clip.share': { team: string; clipId: string };
  'annotations.share': { team: string; shared: number };
  'team.activity': TeamActivity[];
  'card.origins': SharedOrigin[];
  'team.conflicts': ConflictMark[];
  'card.conflicts': CardConflict[];
  'card.resolve': Card;
  'card.unshare': { team: string; cardId: string };
  'signals.list': SignalsView;
  'signal.reveal': { found: boolean };
  'signal.share': { team: string; hitId: string };
  'signal.preview': SignalPreview[];
  'alerts.set': Settings;
  'page.evidence.reveal': { found: boolean };
  'pdf.article': { article: Article; pdf: PdfFacts };
  'pdf.file': { key: string };
  'clip.file': { key: string; url: string; title: string };
  'insights.data': InsightData;
  'history.get': HistoryState;
  'history.set': HistoryState;
  'history.clear': HistoryState;
  'evidence.capture': Evidence;
  'evidence.list': Evidence[];
  'evidence.view': { evidence: Evidence; snapshot: EvidenceFileData };
  'evidence.file': EvidenceFileData;
  'case.bundle': CaseBundle;
  'signing.key': SigningKeyInfo | null;
  'signing.create': SigningKeyInfo;
}

/** The side panel's Signals view: this page's hits first, then the latest elsewhere. */
export interface SignalsView {
  page: SignalHitRecord[];
  recent: SignalHitRecord[];
}

/** A clipped article a rule would have fired on, with the sentence that shows it. */
export interface SignalPreview {
  clipId: string;
  title: string;
  url: string;
  evidence: string;
}

/** What the network, map and timeline pages draw from. */
export interface InsightData {
  articles: InsightArticle[];
  cards: InsightCard[];
  history: HistoryState;
}

/** A page's highlights and notes as the side panel lists them. */
export interface PageAnnotations {
  /** The page's canonical URL (null where the page has none we can annotate). */
  source: string | null;
  items: AnchoredAnnotation[];
}

/** A case's bundle, ready to save. */
export interface CaseBundle {
  fileName: string;
  base64: string;
  files: number;
  bytes: number;
  signed: boolean;
}

/** The user's signing key as the options page shows it. */
export interface SigningKeyInfo {
  /** The public key, raw, base64. */
  publicKey: string;
  fingerprint: string;
  created: string;
}

/** A captured file's bytes as a message carries them. */
export interface EvidenceFileData {
  name: string;
  type: string;
  base64: string;
}

/** A file for the user to save. */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** A card of the library with its pack. */
export interface LibraryItem {
  card: Card;
  packId: string;
  packName: string;
  /** Its pack is enabled: the card links on pages. */
  enabled: boolean;
  edited: boolean;
}

/** A list: its cards are not sent to the side panel whole but searched in the background (`library.search`). */
export interface LibraryListPack {
  packId: string;
  name: string;
  enabled: boolean;
  cards: number;
}

/** The side panel's library: every card but the lists', and the lists. */
export interface LibraryList {
  items: LibraryItem[];
  lists: LibraryListPack[];
}

/** A page of the lists' cards a search found, and how many cards their names match in all. */
export interface ListSearch {
  items: LibraryItem[];
  matched: number;
  /** The cards read to make the page, before the kind, tag and pack filters narrowed them. */
  read: number;
}

/** The options page's settings. */
export interface Settings {
  paused: boolean;
  disabledSites: string[];
  highlight: HighlightStyle;
  /** System notifications when a watch signal fires. */
  alerts: boolean;
}

type Maps = typeof contentToBackground &
  typeof panelToBackground &
  typeof backgroundToContent &
  typeof backgroundToReader;
/** The name of any message. */
export type MessageType = keyof Maps;
/** The payload of a message, as sent. */
export type Payload<K extends MessageType> = v.InferInput<Maps[K]>;
/** The envelope every message travels in. */
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}
