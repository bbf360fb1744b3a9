/* request.h: the JSON front end's input, protocol version REQUEST_PROTOCOL: one line in, one
 * request (or a message naming what is wrong with the line) out. Parsing is pure (no I/O, no
 * game), so that it can be unit-tested and fuzzed; reading lines is separate and bounded. The
 * protocol is documented in README.md ("The JSON front end"). */
#ifndef LADDER_REQUEST_H
#define LADDER_REQUEST_H

#include <stddef.h>
#include <stdio.h>

#include "core/util.h"

/* The protocol version the JSON front end speaks (sent in its hello). */
#define REQUEST_PROTOCOL 1
/* The longest request line, in bytes, not counting its newline. */
#define REQUEST_MAX_LINE 65536
/* The highest choice number a request may give (the game then says whether it exists). */
#define REQUEST_MAX_CHOICE 1000000
/* How deep arrays and objects may nest in a line (no request nests at all; deeper lines are
 * refused before they are parsed). */
#define REQUEST_MAX_DEPTH 32

typedef enum RequestKind {
    REQUEST_CHOOSE, /* number (1..) or id */
    REQUEST_UNDO,
    REQUEST_NEXT,
    REQUEST_SAVE,   /* text: a slot name */
    REQUEST_LOAD,   /* text: a slot name or a save file's path */
    REQUEST_LOOK,
    REQUEST_SAVES,   /* the saves of the story being played */
    REQUEST_STORIES, /* the bundled stories */
    REQUEST_QUIT,
    REQUEST_NAME,    /* text: the player's name (1 to SESSION_MAX_NAME bytes, not only
                        spaces, no control characters) */
    REQUEST_RESTART, /* at an ending: play the story again */
    REQUEST_KINDS    /* how many kinds there are (not a request) */
} RequestKind;

typedef struct Request {
    RequestKind kind;
    long number; /* choose by number: 1..REQUEST_MAX_CHOICE; otherwise 0 */
    char *text;  /* choose by id, save's slot, load's slot or path (malloc'd, valid UTF-8, no
                    NUL, not empty); otherwise NULL */
} Request;

/* Parse one request line (len bytes, without its newline; it need not be NUL-terminated and
 * may hold any bytes). The line must be valid UTF-8 holding exactly one JSON object (RFC 8259,
 * strictly: no comments, no trailing commas, no leading zeros or '+', no control characters in
 * strings, only space, tab and CR as whitespace) with exactly one member: a known request
 * with a value of the type it takes: "choose" a whole number from 1 or a non-empty id, "save"
 * a slot name (1 to 64 of A-Z a-z 0-9 _ -), "load" a slot name or a path, "name" the player's
 * name (1 to SESSION_MAX_NAME bytes, not only spaces, no control characters), and "undo", "next",
 * "restart",
 * "look", "quit" true. No string may hold NUL (\u0000) or a lone surrogate escape. Returns 0
 * with *req filled (free with request_free), or -1 with err naming the problem (never a guess
 * at what was meant) and *req untouched. */
int request_parse(const char *line, size_t len, Request *req, Err *err);

/* Free what a parsed request holds; the struct itself is the caller's. */
void request_free(Request *req);

/* What request_read_line found. */
typedef enum RequestLine {
    REQUEST_LINE_OK,       /* a line (possibly empty) */
    REQUEST_LINE_TOO_LONG, /* a line longer than cap: its start is in buf, the rest was read
                              and dropped */
    REQUEST_LINE_END       /* end of input (or a read error) before any byte */
} RequestLine;

/* Read one line from in into buf (cap + 1 bytes): the bytes up to the next newline, which is
 * consumed and not stored, nor is a CR just before it; NUL-terminated, length in *len (the line
 * may hold NUL bytes). A last line without a newline counts. A line longer than cap bytes is
 * read to its end without storing more, so memory stays bounded whatever the input. */
RequestLine request_read_line(FILE *in, char *buf, size_t cap, size_t *len);

/* Whether s is a player's name as session_set_player takes it: 1 to SESSION_MAX_NAME bytes,
 * not only spaces, no control characters (UTF-8 is checked by the caller). */
bool request_valid_name(const char *s);

#endif
