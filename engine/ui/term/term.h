/* term.h: the terminal front end's screens for a game the caller plays, as a transcript: what
 * `ladder play` would show if each choice had been typed at its prompt. For `ladder replay`,
 * which chooses by id through the session and prints nothing of its own. */
#ifndef LADDER_UI_TERM_H
#define LADDER_UI_TERM_H

#include "core/session.h"
#include "ui/ui.h"

typedef struct TermTranscript TermTranscript;

/* Start a transcript of s on cfg->out: the title block, where the game continues from, the
 * notices and the current screen. s and cfg are borrowed and must outlive the transcript;
 * cfg->out may be pointed elsewhere between calls. Free with term_transcript_close. */
TermTranscript *term_transcript_open(Session *s, const UiConfig *cfg);
/* The prompt and the line typed at it (a choice's number, or "next"), echoed as the terminal
 * echoes piped input. */
void term_transcript_typed(TermTranscript *t, const char *line);
/* After session_choose or session_choose_id returned rc (msg: its err.msg): the decision's
 * changes, the notices and the next screen; or the script's error (on stderr, and in words on
 * cfg->out) and the same screen again. */
void term_transcript_chose(TermTranscript *t, int rc, const char *msg);
/* After session_advance returned rc (msg: its err.msg): the next chapter's title block and
 * first screen, or the error. */
void term_transcript_advanced(TermTranscript *t, int rc, const char *msg);
/* The last prompt, where the input ends; frees t. Returns the terminal's exit status: 1 after
 * a script error, else 0. */
int term_transcript_close(TermTranscript *t);

#endif
