/* text.h: scene prose: {name} interpolation, paragraph layout, and the light markup
 * (*emphasis*, **strong**, "| " lines kept as they are) that front ends render. */
#ifndef LADDER_TEXT_H
#define LADDER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/util.h"

/* The longest text a story may put on screen in one piece (a scene's or ending's text, literal
 * or from a function, before and after {name} is filled in), in bytes. 256 KiB is
 * some 40,000 words, far beyond any scene; the cap keeps the engine's own copies of a
 * story's texts (every choice of a scene, every front end's layout) small whatever a script
 * returns. */
#define TEXT_MAX_BYTES (256u << 10)
/* The longest text of a choice (a button), lesson, discussion question or summary. */
#define TEXT_MAX_CHOICE (4u << 10)
/* The longest id, title, stat label, chapter name or flag name. */
#define TEXT_MAX_LABEL 256u

/* The longest name between braces, in bytes. */
#define TEXT_MAX_NAME 128

/* Append the value of name (len bytes, not NUL-terminated) to out; false if unknown. out may be
 * NULL when only checking. */
typedef bool (*TextLookup)(void *ud, const char *name, size_t len, Buf *out);

/* Expand {name} in src; "{{" and "}}" stand for braces. Linear in the length of src and of
 * the result. Returns 0, or -1 with err naming the unknown name, an unclosed brace, a name
 * longer than TEXT_MAX_NAME, or a result longer than TEXT_MAX_BYTES (when out is given). */
int text_interpolate(const char *src, TextLookup lookup, void *ud, Buf *out, Err *err);

/* Lay prose out: lines are trimmed, lines of a paragraph are joined by spaces, paragraphs are
 * separated by one blank line ("\n\n"), and lines starting with "|" keep their own line ("\n").
 * Returns a malloc'd string. */
char *text_layout(const char *src);

/* The styles of a run of prose (text_markup). */
enum {
    TEXT_EM = 1,        /* *emphasis* */
    TEXT_STRONG = 2,    /* **strong** */
    TEXT_BREAK = 4,     /* a hard line break ("\n" of a "| " line); the run is empty */
    TEXT_PARAGRAPH = 8  /* the start of a new paragraph ("\n\n"); the run is empty */
};
typedef void (*TextRun)(void *ud, const char *text, size_t len, unsigned style);

/* THE markup parser, which every front end's rendering goes through: walk prose (laid out by
 * text_layout, or a one-line string) and call run for each stretch of one style, in order, and
 * for each line and paragraph break. "**" toggles strong, "*" toggles emphasis; a marker left
 * open stays open to the end of the text. Empty stretches are not reported. */
void text_markup(const char *src, TextRun run, void *ud);

/* The text without markup characters (for plain output). malloc'd. */
char *text_plain(const char *src);

/* Number of words in src (runs of non-space). */
size_t text_word_count(const char *src);

/* Display width of a UTF-8 string in terminal columns, by the C library's wcwidth in the
 * C.UTF-8 locale (Unicode's East Asian Width and general categories, as glibc implements them):
 * wide characters and emoji take two columns, combining marks and joiners none, anything else
 * (controls, unassigned code points, each ill-formed sequence) one. Thread-safe. */
size_t text_width(const char *s, size_t len);

/* Word-wrap one line of text (no newline) into out at width columns (text_width): the first
 * line goes on after `first` columns already written, the next ones start with `indent`
 * spaces. Words are runs of non-spaces; a word longer than a line stands alone. Escape
 * sequences (ESC up to a letter, a terminal front end's styling) take no columns. */
void text_wrap_line(Buf *out, const char *line, size_t len, int width, int indent, int first);
/* Wrap each line of text (split at "\n"; an empty line stays empty) with text_wrap_line, each
 * starting with indent spaces and ending with "\n". */
void text_wrap(Buf *out, const char *text, int width, int indent);

#endif
