/* ui.h: the contract every front end implements. A front end drives a Session (core/session.h)
 * and reads the game through game.h's accessors; it knows nothing of Lua. */
#ifndef LADDER_UI_H
#define LADDER_UI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/catalog.h"
#include "core/room.h"
#include "core/session.h"

/* How to run a front end: what the command line asked for. Borrowed by play, menu and room for
 * the length of the call (a window front end keeps the pointer until its next call or shutdown:
 * the caller keeps cfg alive until then). Fields a front end has no use for are ignored. */
typedef struct UiConfig {
    FILE *in, *out; /* the player's input and the output (line front ends); not owned */
    bool color;     /* terminal escape codes allowed */
    int width;      /* columns to wrap prose at (terminal front ends) */
    const char *notice; /* for the title menu (UI_CAP_MENU_NOTICE): a message to show, such as
                         * a story that failed to load; NULL for none */
    bool watch;         /* --watch: reload the story when its files change (session_reload) */
    /* window front ends only (UI_CAP_WINDOW) */
    struct {
        int frames;             /* > 0: render this many frames, then return */
        const char *screenshot; /* write the first frame to this PNG or BMP file, then return */
    } window;
    /* room mode only (Frontend.room) */
    struct {
        int timer;         /* seconds of discussion at each decision (0: no timer) */
        bool hide_numbers; /* show which stats rose or fell, not by how much */
    } room;
} UiConfig;

/* How a game or a room ended: what play() and room() return. Not an exit status: main turns it
 * into one (0 or 1) with ui_exit_status. */
typedef enum UiExit {
    UI_EXIT_OK,            /* the story ended and the player left, quit, or input ended */
    UI_EXIT_SCRIPT_FAILED, /* a scenario script failed on the way */
    UI_BACK_TO_TITLE       /* the player asked for the title screen */
} UiExit;

/* What a front end can do besides play (Frontend.caps). */
enum {
    UI_CAP_MENU = 1u << 0,   /* menu() shows the title screen */
    UI_CAP_ROOM = 1u << 1,   /* room() runs a workshop room */
    UI_CAP_WINDOW = 1u << 2, /* a window: needs a display (available), honours cfg->window
                              * (frames, screenshot), and SDL turns signals into quit events */
    UI_CAP_MENU_NOTICE = 1u << 3, /* the title menu shows cfg->notice: a story that cannot be
                                   * loaded from it is reported there and the menu comes back
                                   * (without it, Ladder exits with status 1) */
};

/* What the title menu picked. */
typedef struct MenuPick {
    char *story_path; /* malloc'd */
    bool resume;      /* continue its autosave */
    char *load;       /* or load this save file (malloc'd), else NULL */
} MenuPick;

/* A front end. Each one defines one of these (ui_term, ui_json, ui_sdl) and has one row in the
 * registry (ui/registry.c), which is how the rest of Ladder finds it: by name (--ui), by
 * capability, or as the default. ui/json/json.c is the smallest complete example.
 *
 * Porting guide: what the caller (tools/play.c, tools/workshop.c) does, and what each member
 * must do.
 * - The caller picks the front end, checks available(), calls ui_install_leave (ui/registry.h)
 *   once, opens the Session (with session_set_results for a workshop participant), calls play
 *   (or menu, or room), then shutdown once before exiting. It prints load errors, writes a
 *   participant's results file and a room's debrief after play/room return, and turns the
 *   UiExit into the exit status: ui_exit_status (0, or 1 when a script failed), then
 *   leave_status (128 + the signal's number when a signal asked to leave). A front end never
 *   exits the process and never writes results or debriefs itself.
 * - Signals (ui/leave.h): a front end that reads lines stops its loop at the end of input or as
 *   soon as leave_signal() is nonzero, and returns as if the player had typed quit. A window
 *   gets a quit event instead (UI_CAP_WINDOW, leave_install_window). */
typedef struct Frontend {
    const char *name;    /* as --ui takes it; static */
    const char *summary; /* a few words for `ladder help`: "a window"; static */
    unsigned caps;       /* UI_CAP_* */
    /* True if it can run here (a window needs a display); false with the reason in err. NULL:
     * always. Called before anything else, possibly more than once; opens nothing that stays. */
    bool (*available)(Err *err);
    /* Play s until the story ends and the player leaves, the player quits, or input ends; s and
     * cfg are borrowed for the call (the caller frees s afterwards). Required. The loop:
     * - Show what screen_describe(s) describes (core/screen.h): it takes the session's pending
     *   notices (backups made, a save that no longer fits, an autosave or results file that
     *   failed, the results file written), which must be shown to the player; or show
     *   session_take_notice(s) after each call that moves the game. Never walk the Story or
     *   the journal directly.
     * - Choices: session_choose or session_choose_id with the seconds (wall clock, util_now_seconds
     *   of core/util.h) from when the scene was shown to the choice. STATUS_NO_SUCH: show err
     *   and ask again. STATUS_FAILED: a scenario script failed; show err, the game stays where
     *   it was, go on, and return UI_EXIT_SCRIPT_FAILED in the end. Every decision is
     *   autosaved, and a participant's results file written when the story ends, by the session
     *   itself.
     * - Undo, save and load as the player asks (session_undo, session_save, session_load,
     *   session_list_saves): their errors are the player's to read, not script failures.
     * - Campaigns: when the story has ended and session_next_chapter(s) is not NULL, offer the
     *   next chapter; session_advance starts it (STATUS_FAILED: it does not load or start,
     *   return UI_EXIT_SCRIPT_FAILED in the end). Show the new chapter's title.
     * - cfg->watch (`ladder play --watch`): watch session_root(s)->path (core/watch.h) while
     *   waiting for input and call session_reload when it changes; on failure show err and go
     *   on with the game as it was. A front end without a way to wait on two things may ignore
     *   it (json does).
     * - Returns UI_EXIT_OK, UI_EXIT_SCRIPT_FAILED, or UI_BACK_TO_TITLE when the player asked
     *   for the title screen (only front ends with UI_CAP_MENU may offer that). A window that
     *   cannot open prints why and returns UI_EXIT_SCRIPT_FAILED. */
    UiExit (*play)(Session *s, const UiConfig *cfg);
    /* Title menu over the bundled stories (UI_CAP_MENU; NULL without it): the stories of c (in
     * catalog order), "continue" for the latest autosave (ui_find_latest_autosave), and
     * perhaps the saves to load (saves_list_all, as the window does); with UI_CAP_MENU_NOTICE,
     * cfg->notice (a story that failed to load) is shown. c and cfg are borrowed for the call.
     * Returns 0 with *pick filled (the caller frees its strings), or 1 to quit (pick
     * untouched); a window run with cfg->window.frames or screenshot returns 1 after drawing. */
    int (*menu)(const Catalog *c, const UiConfig *cfg, MenuPick *pick);
    /* Release what the front end keeps between calls (the window, saving its settings unless
     * it only drew frames for a screenshot). Takes no instance: a front end that keeps state
     * across play/menu/room calls keeps it in a static of its own. Called once, after the last
     * play, menu or room; may be NULL when nothing is kept. */
    void (*shutdown)(void);
    /* Room mode (UI_CAP_ROOM; NULL without it): play room_session(r) with the room's votes
     * (room_decide, room_rewind) until the facilitator ends it or input ends, honouring
     * cfg->room.timer (seconds of discussion per decision, 0: none) and cfg->room.hide_numbers.
     * r and cfg are borrowed for the call; the caller writes the debrief afterwards. Returns
     * UI_EXIT_OK, or UI_EXIT_SCRIPT_FAILED when a scenario script failed on the way. */
    UiExit (*room)(Room *r, const UiConfig *cfg);
} Frontend;

/* The front ends; use them through ui/registry.h. */
extern const Frontend ui_term;
extern const Frontend ui_json;
extern const Frontend ui_sdl;

/* True if a window can be opened: a display is set and SDL's video starts. Otherwise false
 * with the reason in err. */
bool ui_sdl_available(Err *err);

/* Shared helpers for front ends. */

/* A default UiConfig for stdin/stdout: colour when stdout is a terminal and NO_COLOR is unset,
 * width from the terminal or $COLUMNS (40..100, default 80). */
UiConfig ui_config_default(void);

/* "2026-11-24T18:56:47Z" -> "24 Nov, 19:56" in local time; the input if it does not parse.
 * malloc'd. */
char *ui_human_time(const char *iso);

/* The most recently updated autosave of any bundled story (saves_latest_autosave): its story
 * path, title and "updated" time (UTC, ISO 8601), each malloc'd. Returns false (nothing set)
 * when there is none. */
bool ui_find_latest_autosave(const Catalog *c, char **story_path, char **title, char **when);

#endif
