/**
 * Slack's Block Kit limits, and the budgets the renderer keeps within them.
 * Lengths are counted in UTF-16 units, which is never less than what Slack counts.
 */

/** Blocks in one message. */
export const MAX_BLOCKS = 50;
/** Text of a section block (and of any text object). */
export const MAX_SECTION_TEXT = 3000;
/** Text of a header block (plain_text). */
export const MAX_HEADER_TEXT = 150;
/** Elements of a context block. */
export const MAX_CONTEXT_ELEMENTS = 10;
/** Text of one context element. */
export const MAX_CONTEXT_TEXT = 3000;
/** Text of a button. */
export const MAX_BUTTON_TEXT = 75;
/** Value of a button. */
export const MAX_BUTTON_VALUE = 2000;
/** An element's action_id. */
export const MAX_ACTION_ID = 255;

// Slack rejects messages whose blocks hold about 13,000 characters of text in all
// (`msg_blocks_too_long`, slackapi/bolt-js#2509) although no single block is over its
// limit; this keeps a margin under that undocumented ceiling.
/** All text of all blocks of one message together. */
export const MAX_MESSAGE_BLOCKS_TEXT = 12_000;

/** The plain-text `text` fallback (notifications, screen readers). */
export const MAX_FALLBACK_TEXT = 3000;

/** One excerpt, escaped, before marks are made bold. */
export const MAX_EXCERPT = 800;
/** Bold marks applied in one excerpt (each adds two `*`). */
export const MAX_MARKS = 20;
/** An item's lead (speaker or date). */
export const MAX_LEAD = 100;
/** The date as written, shown after a timeline item's date. */
export const MAX_DATE_TEXT = 60;
/** The article title in a citation. */
export const MAX_CITATION_TITLE = 120;
/** The rest of a citation: ¶, date, source. */
export const MAX_CITATION_DETAILS = 80;
/** Longest article link shown; a longer one leaves the title unlinked. */
export const MAX_LINK = 190;
/** Further citations shown under an item besides the first. */
export const MAX_EXTRA_CITATIONS = 1;
/** The answer's notice (help lists every command in it). */
export const MAX_NOTICE = 1500;
// Kept well under MAX_BUTTON_VALUE because three buttons carry the same state and
// their values travel in every interaction payload.
/** Paging state carried in one button value. */
export const MAX_STATE_VALUE = 1000;
