/* session_int.h: the insides of a Session, shared by session.c and session_results.c only
 * (front ends see core/session.h). */
#ifndef LADDER_SESSION_INT_H
#define LADDER_SESSION_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/autosave.h"
#include "core/gallery.h"
#include "core/save.h"
#include "core/session.h"

struct Session {
    Story *root;  /* the story or campaign the session was opened on */
    Story *story; /* the story being played: root, or the current chapter of a campaign */
    Game *game;
    /* a campaign's finished chapters, oldest first; the current one is story/game */
    Story **past_stories;
    Game **past_games;
    size_t n_past;
    uint64_t seed; /* the seed the session started from (chapter i plays seed + i) */
    char *save_dir;
    Autosave *autosave;  /* this game's autosave and its lock; NULL when saving is off */
    char created[32];
    bool backup_pending; /* the autosave on disk belongs to another game: keep it aside */
    bool told_slot;      /* the player knows this game autosaves to autosave-N.json */
    size_t saved_chapter; /* the chapter whose decisions the autosave's last lines are */
    Buf notice;
    /* workshop results */
    char *results_dir, *session_code, *results_path;
    char *results_name; /* session_set_results_file: one file, rewritten; NULL: one per state */
    bool anonymous;
    bool results_failed;   /* the last attempt to write the results failed */
    char *results_written; /* the JSON last written, to write each state once */
    /* the endings gallery (NULL: none could be read) and its file (NULL: read only, for tools
     * that open sessions without saving: they show the gallery and never add to it) */
    Gallery *gallery;
    char *gallery_path;
    bool seed_given; /* the seed came from the caller: play again keeps it */
};

/* Add a message for the player (printf-style); session_take_notice hands them out. */
void session_notice(Session *s, const char *fmt, ...) LADDER_PRINTF(2, 3);
/* What a save or results file of the session is made of; *games (malloc'd) is freed by the
 * caller after use, the games themselves stay the session's. */
SaveSource session_source(const Session *s, const Game ***games);
/* Write the results file if this state was not written yet (session_results.c). Returns 0
 * (written, or nothing new to write) or -1 with err, and says which in a notice. */
int session_results_update(Session *s, Err *err);

#endif
