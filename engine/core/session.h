/* session.h: a game being played, as front ends see it: start, continue or load; choose;
 * undo; save to named slots. Every decision is autosaved. This is the whole surface a front end
 * needs besides the read-only accessors of game.h. */
#ifndef LADDER_SESSION_H
#define LADDER_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/game.h"
#include "core/save.h"

typedef struct Session Session;

typedef struct SessionOptions {
    uint64_t seed;
    bool seed_given; /* else a seed is drawn from the clock */
    const char *player;
    const char *load;  /* a save name or path to resume, or NULL (autosaved at once, as
                          session_load does) */
    bool resume;       /* continue the story's autosave */
    bool no_autosave;  /* for tools and tests that must not touch the data folder */
    const char *dir;   /* a folder of this player's own (the web server's players), or NULL:
                          the saves and autosave go to DIR/saves and the endings gallery to
                          DIR/gallery.json instead of the data folder's */
} SessionOptions;

/* Open a session on story (the session owns it from now on, even on failure). Returns NULL with
 * err filled if a save cannot be read or the story fails at its start. */
Session *session_open(Story *story, const SessionOptions *o, Err *err);
/* Close the autosave (releasing its lock) and free s, its stories and games. It writes no
 * results file: call session_write_results first. NULL: nothing. */
void session_free(Session *s);

/* Lifetimes: the pointers below are borrowed from the session. The Game (and everything its
 * accessors return) is replaced by every call that moves the game: session_choose,
 * session_choose_id, session_undo, session_load, session_reload, session_advance; the Story of
 * session_story is replaced by session_reload and session_advance (and session_undo back into
 * an earlier chapter), session_root's by session_reload. All of them end with session_free.
 * A front end that keeps what is on screen across such calls keeps a Screen (core/screen.h),
 * which owns its copies. */
const Game *session_game(const Session *s);
/* The story being played: the one opened, or the current chapter of a campaign. */
const Story *session_story(const Session *s);
/* The story or campaign the session was opened on. */
const Story *session_root(const Session *s);
/* Campaigns: the index of the current chapter (0 for a single story). */
size_t session_chapter(const Session *s);
/* Campaigns: the game of finished chapter i (i < session_chapter(s)), borrowed until the
 * session next changes chapter (session_advance, undo into it, restart, load) or is freed. */
const Game *session_past_game(const Session *s, size_t i);
/* Campaigns: the id of the next chapter when the current one has ended, else NULL. */
const char *session_next_chapter(const Session *s);
/* Campaigns: begin the next chapter, carrying stats over (game_new_after). Returns 0,
 * STATUS_NO_SUCH if there is none, STATUS_FAILED with err if it fails to load or start. */
int session_advance(Session *s, Err *err);
/* True when the story asks for the player's name (Story.ask_name, of the campaign or its first
 * chapter) and none is known yet: a new game, before its first decision, opened without one,
 * and not an anonymous workshop participant's (session_set_results). */
bool session_wants_name(const Session *s);
/* Play again: a new game from the start of the story (a campaign's first chapter), with the
 * same player's name, the same seed when the caller gave one, else a new random seed. The
 * last game's autosave is kept as a save at the next decision, as when a new game starts.
 * Returns 0, or STATUS_FAILED with err when the story fails at its start (s unchanged). */
int session_restart(Session *s, Err *err);
/* The endings gallery of the data folder (core/gallery.h), borrowed until session_free; NULL
 * when it cannot be read. The session records each ending in it, unless it was opened with
 * no_autosave (tools: they show it, never add to it). */
typedef struct Gallery Gallery;
const Gallery *session_gallery(const Session *s);
/* Give the player's name: the game starts again with it (its first scene shown anew; only
 * before the first decision of the first chapter). name is copied; spaces around it are
 * dropped. Returns 0; STATUS_NO_SUCH with err when a decision was taken already; STATUS_FAILED
 * with err when the name is empty, longer than SESSION_MAX_NAME bytes, not UTF-8 or holds a
 * control character, or when the story fails at its start. */
int session_set_player(Session *s, const char *name, Err *err);
#define SESSION_MAX_NAME 60

/* Add a message for the player, handed out by session_take_notice (text is copied). */
void session_tell(Session *s, const char *text);
/* Messages for the player that arose since the last call (backups made, a save that no longer
 * fits the story, an autosave that failed). malloc'd, or NULL when there is nothing to say. */
char *session_take_notice(Session *s);

/* Take the i-th shown choice and autosave. Returns 0; STATUS_NO_SUCH with err if there is
 * no such choice, if it is locked (i counts the locked ones after the available ones, as the
 * Screen lists them; err says why it is locked) or the story has ended; STATUS_FAILED with err on a script error, the game
 * staying where it was. */
int session_choose(Session *s, size_t i, double seconds, Err *err);
/* The same for the shown choice with this id. seconds (both): the time the player took. */
int session_choose_id(Session *s, const char *id, double seconds, Err *err);
/* Workshop participants: write a results file into dir when the story ends, and when the
 * session closes with decisions not yet written. A file is never overwritten: each gets its
 * own name (story-session-player-time.json). session_code may be NULL; anonymous leaves the
 * player's name out. */
void session_set_results(Session *s, const char *dir, const char *session_code, bool anonymous);
/* Web participants (after session_set_results): the results go to one file, DIR/name,
 * replaced in place (atomically) after every decision, undo and chapter, instead of a new file
 * at the ending. A participant who leaves mid-story is then counted as not finished, and a
 * server restarted after kill -9 rewrites the same file rather than adding a second one. Only
 * the ending's write and a failure make a notice. name is copied; a file name without '/'.
 * Call after session_set_results: a file of that name there already counts as written, so the
 * same state is not written again. */
void session_set_results_file(Session *s, const char *name);
/* Write the results file now if this state was not written yet (a participant quitting, or
 * leaving by a signal). The file is created under a name no other participant can take at the
 * same moment (write_file_unique), and the notice names it. Returns 0 when the game's current
 * state is in a results file (written now or before) or there is nothing to write; -1 with err
 * (and a notice) when it could not be written. */
int session_write_results(Session *s, Err *err);
/* True when the last attempt to write the results failed (and none succeeded since). */
bool session_results_failed(const Session *s);
/* The results file written last, or NULL; borrowed, valid until the next write or
 * session_free. */
const char *session_results_path(const Session *s);

/* The seed every participant with this session code plays (an FNV-1a hash of the code). */
uint64_t session_seed_for_code(const char *code);

/* Reload the story's files and replay the journal to the same decision, or to the last one
 * that still fits (with a notice). On failure (a script error, say) the session is unchanged
 * and -1 is returned with err. For `ladder play --watch`. */
int session_reload(Session *s, Err *err);
/* Go back one decision (in a campaign, from a chapter's start back into the previous chapter).
 * -1 with err when there is none. */
int session_undo(Session *s, Err *err);
/* Save to a named slot (1-64 of A-Z a-z 0-9 _ -). *path (optional) receives the file written
 * (malloc'd, the caller frees it). Returns 0, or -1 with err (a bad name, saving off, a write
 * that failed). */
int session_save(Session *s, const char *name, char **path, Err *err);
/* Load a save by slot name or file path; the game continues from it. It is autosaved at once
 * (the autosave of the game played before is first kept as a save, 'autosave-TIME', unless
 * it holds this very game), so Continue resumes the game loaded last even when the player
 * leaves before deciding (issue 16, item 7); SessionOptions.load does the same at open.
 * Returns 0, or -1 with err (it cannot be read, is for another story, or no longer replays);
 * a failed autosave leaves the game loaded and says so in a notice. */
int session_load(Session *s, const char *name_or_path, Err *err);
/* The saves of this story, newest first (save_list of session_save_dir); *n is their number.
 * NULL with *n = 0 when there are none. malloc'd: free with session_free_saves. */
SaveInfo *session_list_saves(const Session *s, size_t *n);
void session_free_saves(SaveInfo *v, size_t n); /* free v and its n entries; NULL: nothing */
/* The folder this story's saves go to (borrowed, valid until session_free), or NULL when saving
 * is off or the folder cannot be named. */
const char *session_save_dir(const Session *s);
/* Where this session autosaves, or NULL when autosave is off. Borrowed, valid until
 * session_free. */
const char *session_autosave_path(const Session *s);

/* Draw a fresh seed from the clock and process id. */
uint64_t session_random_seed(void);

#endif
