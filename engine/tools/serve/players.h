/* players.h: the web server's players. Each browser is a player, known by an unguessable token
 * (its cookie); each player has a game of their own (a Session whose saves, autosave and endings
 * gallery live in the player's own folder) and a record on disk, so a server started again with
 * the same state folder resumes every game where it was. In participant mode (a results folder
 * and a session code) every player plays the session's seed and the game's results file is
 * rewritten after every decision (session_set_results_file).
 *
 * Not thread-safe: the server calls it from its one thread (serve.c, "Threading"). */
#ifndef LADDER_PLAYERS_H
#define LADDER_PLAYERS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/session.h"
#include "core/util.h"

/* A token: 16 hex digits of id, then 32 of secret (128 bits from getrandom). */
#define PLAYERS_TOKEN_LEN 48

typedef struct Players Players;

typedef struct Player {
    char id[17];            /* public: names the record and folder, shown to the facilitator */
    char secret[33];        /* never shown; compared in constant time */
    char *name;             /* the participant's or player's name, or NULL */
    bool anonymous;         /* a participant who plays without a name */
    char *story;            /* the story ref of the current or last game, or NULL */
    bool playing;           /* a game is open (false after leave) */
    int game;               /* how many games this player has started (results file names) */
    double updated;         /* when the player last moved (seconds since 1970, UTC) */
    Session *session;       /* the open game, or NULL */
    double shown;           /* when the current scene was shown, for the seconds a choice took */
} Player;

typedef struct PlayersConfig {
    const char *state_dir;    /* records and players' folders (created 0700) */
    const char *results_dir;  /* participant mode: results files go here; else NULL */
    const char *session_code; /* participant mode: the session code (seed and file names) */
    size_t max_players;       /* players beyond this are refused */
} PlayersConfig;

/* Open the players of cfg->state_dir (creating it), reading every record and resuming every
 * game that was open. A record or game that cannot be read is named in *problems (malloc'd
 * text, one line each, or NULL) and skipped, never deleted. Returns NULL with err when the
 * folder cannot be made or read. The strings of cfg are copied. Free with players_free. */
Players *players_open(const PlayersConfig *cfg, char **problems, Err *err);
/* Close every game (autosaves stay on disk) and free p. NULL: nothing. */
void players_free(Players *p);

/* The player a token names (a cookie's value), or NULL for an unknown or malformed token.
 * Borrowed: valid until players_free. */
Player *players_find(Players *p, const char *token);
/* A new player with a fresh token, recorded on disk. name may be NULL. Returns NULL with err
 * when max_players is reached (err says so) or the record cannot be written. */
Player *players_add(Players *p, const char *name, bool anonymous, Err *err);
/* The player's token (PLAYERS_TOKEN_LEN characters) into buf (at least PLAYERS_TOKEN_LEN + 1
 * bytes). */
void players_token(const Player *pl, char *buf);

/* Start the player's game of story (a ref the server serves): continue its autosave when resume
 * is true and there is one, else a new game (in participant mode with the session's seed and
 * a new results file). The game open before, if any, is closed (its autosave stays). Returns
 * 0, or a STATUS_* code with err (the story fails to load or start, no autosave to continue). */
int players_start(Players *p, Player *pl, const char *story, bool resume, Err *err);
/* Close the player's game (its autosave stays, to continue later). */
void players_leave(Players *p, Player *pl);
/* After a request moved the player's game: a new results file after play again, the record
 * rewritten when it changed, the time of the move. restarted: the game was started again. */
void players_moved(Players *p, Player *pl, bool restarted);

/* How many players there are; the i-th (0-based, in the order they joined). Borrowed. */
size_t players_count(const Players *p);
Player *players_at(Players *p, size_t i);
/* A number that changes whenever a player joins, moves or leaves (for ETags). */
unsigned long players_version(const Players *p);
/* Whether the players are workshop participants (a results folder was given). */
bool players_participants(const Players *p);
/* Whether pl has an autosave of story to continue (in their own folder). */
bool players_can_continue(const Players *p, const Player *pl, const char *story_id);

#endif
