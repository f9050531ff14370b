/**
 * The reader's state between two lexemes (fast-yaml.ts): where it is on the current line, or that
 * it is inside a flow collection, and what came right before a lexeme.
 */
/** Where we are on the current line, or that we are inside a flow collection. */
export const M_STREAM = 0; // outside the document: before it starts or after `...`
export const M_DOC_START = 1; // after `---`: only a comment may follow on that line
export const M_LINE = 2; // at the start of a line (indentation only so far)
export const M_DASH = 3; // after `- `: an entry waits for its value
export const M_COLON = 4; // after `key:`: the key waits for its value
export const M_VALUE = 5; // a value ended on this line: only a comment may follow
export const M_KEY = 6; // a scalar that is a key if `:` follows
export const M_TAG = 7; // after `!!binary` / `!binary`: a scalar must follow on this line
export const M_HEADER = 8; // after a block scalar header, up to its line break
export const M_BODY = 9; // the block scalar's content comes next
export const M_FLOW = 10; // inside `[...]` / `{...}`

/** What came right before a lexeme. */
export const SP_NONE = 0;
export const SP_NEWLINE = 1; // a line break, or the start of the input
export const SP_SPACE = 2;
