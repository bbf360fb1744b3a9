/* utf8.h: untrusted text made safe to show: UTF-8 checked and repaired, and the control
 * characters a terminal would act on turned into visible symbols. Every path that writes a
 * story's strings (or a file's, or a message quoting them) to a terminal goes through
 * utf8_visible; every JSON line written goes through utf8_repair. */
#ifndef LADDER_UTF8_H
#define LADDER_UTF8_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/util.h"

/* U+FFFD REPLACEMENT CHARACTER, encoded. */
#define UTF8_REPLACEMENT "\xEF\xBF\xBD"
/* What utf8_decode gives for an ill-formed sequence. */
#define UTF8_INVALID 0xFFFFFFFFu

/* Decode the code point at the start of s (len bytes, len > 0). Returns the number of bytes it
 * takes (1 to 4) with *cp set; for an ill-formed sequence, the length of its maximal subpart
 * (1 to 3) with *cp = UTF8_INVALID, so that each maximal subpart is replaced by one U+FFFD.
 * Well-formed means Table 3-7 of the Unicode Standard (chapter 3.9): no overlong forms, no
 * surrogates (U+D800..U+DFFF), nothing above U+10FFFF; "maximal subpart" is the standard's
 * "U+FFFD Substitution of Maximal Subparts" (the practice of the W3C Encoding Standard). */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* True if s (len bytes) is well-formed UTF-8 (NUL bytes count as well-formed). */
bool utf8_valid(const char *s, size_t len);

/* Append s (len bytes) to out with every ill-formed sequence replaced by U+FFFD (one per
 * maximal subpart, as utf8_decode). Everything else is copied as it is, controls included:
 * for text that is escaped later (JSON, whose writer escapes controls per RFC 8259 section 7). */
void utf8_repair(const char *s, size_t len, Buf *out);

/* Flags for utf8_visible: which layout controls stay as they are. */
enum {
    UTF8_KEEP_NEWLINE = 1, /* LF (U+000A) */
    UTF8_KEEP_TAB = 2,     /* HT (U+0009) */
    UTF8_KEEP_LAYOUT = UTF8_KEEP_NEWLINE | UTF8_KEEP_TAB
};

/* Append s (len bytes) to out in a form safe to write to a terminal: ill-formed UTF-8 becomes
 * U+FFFD (as utf8_repair), and no control function of ECMA-48 (ISO/IEC 6429) is left for the
 * terminal to act on. The C0 controls U+0000..U+001F become their symbols in the Control
 * Pictures block (ESC shows as U+241B, BEL as U+2407), DEL U+007F as U+2421, and a C1 control
 * U+0080..U+009F as U+241B followed by its 7-bit form (ECMA-48 section 5.3: the C1 control
 * 0x80 + x is also coded as ESC followed by 0x40 + x, so CSI U+009B shows as U+241B '['). Only
 * the controls named in keep (UTF8_KEEP_*) are copied as they are. Each replacement is one
 * column wide, so text_width still measures the result. */
void utf8_visible(const char *s, size_t len, unsigned keep, Buf *out);

/* utf8_visible of a NUL-terminated string into a new malloc'd string (the caller frees it).
 * NULL gives "". */
char *utf8_visible_dup(const char *s, unsigned keep);

/* printf to f, with the whole formatted text passed through utf8_visible (keeping newlines and
 * tabs). For messages and listings that hold no control sequences of Ladder's own: errors
 * quoting a story, `ladder list`, `check`, `explore`, the room's terminal. Returns the bytes
 * written, or -1 on a write error (errno set by stdio). */
int utf8_fprintf(FILE *f, const char *fmt, ...) LADDER_PRINTF(2, 3);
/* The same with a va_list. */
int utf8_vfprintf(FILE *f, const char *fmt, va_list ap) LADDER_PRINTF(2, 0);

/* Write s (len bytes) to f as utf8_repair makes it: for JSON text from cJSON, whose strings may
 * hold a story's ill-formed bytes (RFC 8259 section 8.1 requires UTF-8). Returns 0, or -1 on a
 * write error. */
int utf8_write_repaired(FILE *f, const char *s, size_t len);

#endif
