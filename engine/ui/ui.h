/* ui.h: the contract every front end implements. A front end drives a Session (core/session.h)
 * and reads the game through game.h's accessors; it knows nothing of Lua. */
#ifndef LADDER_UI_H
#define LADDER_UI_H

#include <stdbool.h>
#include <stdio.h>

#include "core/catalog.h"
#include "core/room.h"
#include "core/session.h"

typedef struct UiConfig {
    FILE *in, *out;
    bool color; /* terminal escape codes allowed */
    int width;  /* columns to wrap prose at */
    /* window front end */
    int frames;             /* > 0: render this many frames, then return */
    const char *screenshot; /* write the first frame to this PNG or BMP file, then return */
    const char *notice;     /* for the title menu: a message to show (e.g. a story that failed) */
    bool watch;             /* reload the story when its files change (session_reload) */
    /* room mode */
    int timer;              /* seconds of discussion at each decision (0: no timer) */
    bool hide_numbers;      /* show which stats rose or fell, not by how much */
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
    UI_CAP_WINDOW = 1u << 2, /* a window: needs a display (available), honours frames and
                              * screenshot, and SDL turns signals into quit events */
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
 * capability, or as the default. */
typedef struct Frontend {
    const char *name;    /* as --ui takes it */
    const char *summary; /* a few words for `ladder help`: "a window" */
    unsigned caps;       /* UI_CAP_* */
    /* True if it can run here (a window needs a display); false with the reason in err. NULL:
     * always. */
    bool (*available)(Err *err);
    /* Play until the story ends and the player leaves, the player quits, or input ends. */
    UiExit (*play)(Session *s, const UiConfig *cfg);
    /* Title menu over the bundled stories (UI_CAP_MENU). Returns 0 with *pick filled, or 1 to
     * quit. NULL without the capability. */
    int (*menu)(const Catalog *c, const UiConfig *cfg, MenuPick *pick);
    /* Release what the front end holds (the window); may be NULL. */
    void (*shutdown)(void);
    /* Room mode (UI_CAP_ROOM): play the room's session until the facilitator ends it (the
     * caller writes the debrief afterwards). NULL without the capability. */
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
