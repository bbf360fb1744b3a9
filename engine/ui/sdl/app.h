/* app.h: the window front end's insides, shared by its files (not a public header). One App
 * lives from the title menu through play and back; each frame lays out the current screen,
 * records its buttons, and renders; events act on the buttons of the last frame.
 *   window.c    opening and closing the window, drawing a frame, the front end's entry points
 *   widgets.c   buttons and the status line
 *   screens.c   the title and game screens
 *   room.c      room mode: the vote, its actions, the discussion timer
 *   overlays.c  the menu, settings, slot, timeline, tie and error panels
 *   explain.c   the texts of the stats explained and the endings gallery
 *   slots.c     the lists of saves to load and slots to save to
 *   history.c   the readable history of the chapter
 *   actions.c   what a button or key does
 *   events.c    SDL events to actions, the event loop, --watch */
#ifndef LADDER_SDL_APP_H
#define LADDER_SDL_APP_H

#include <SDL.h>
#include <stdbool.h>
#include <time.h>

#include "core/room.h"
#include "core/save.h"
#include "core/screen.h"
#include "core/watch.h"
#include "ui/sdl/draw.h"
#include "ui/sdl/settings.h"
#include "ui/ui.h"

enum Action {
    A_NONE,
    A_CHOOSE,     /* arg: choice index */
    A_STORY,      /* arg: catalog index */
    A_CONTINUE,
    A_LOAD_MENU,  /* open the load list */
    A_SAVE_MENU,
    A_SLOT,       /* arg: slot index in the open list */
    A_SETTINGS,
    A_QUIT,
    A_MENU,       /* open the in-game menu */
    A_RESUME,
    A_UNDO,
    A_TO_TITLE,
    A_NEXT,       /* next chapter */
    A_BIGGER,
    A_SMALLER,
    A_THEME,
    A_FULLSCREEN,
    A_NUMBERS,
    A_CLOSE,      /* close the overlay */
    /* room mode */
    A_VOTE_UP,    /* arg: option */
    A_VOTE_DOWN,
    A_DECIDE,     /* take the option with most votes */
    A_PICK,       /* arg: option, taken without counting (or to break a tie) */
    A_TIMER,
    A_TIMELINE,   /* open the list of decisions to rewind to */
    A_REWIND,     /* arg: decision, 1-based */
    A_END_ROOM,
    A_NAME,       /* give the name typed (naming.c) */
    A_AGAIN,      /* at an ending: play the story again */
    A_CONFIRM,    /* the confirmation's "yes": do what it asked about (app_confirm) */
    A_TO_CHOICES, /* scroll the story so that the scene's choices show */
    A_HELP,       /* the keys, on F1 or ? */
    A_STATS_INFO, /* the stats explained, on S */
    A_ENDINGS,    /* the endings gallery, on E */
    A_TO_ENDING,  /* scroll the story so that the ending's heading shows (scroll.c's cue) */
};

typedef enum Overlay {
    OV_NONE,
    OV_MENU,
    OV_SLOTS,
    OV_SETTINGS,
    OV_ERROR,
    OV_TIMELINE,
    OV_TIE,
    OV_CONFIRM,
    OV_HELP,
    OV_STATS,  /* the stats explained (explain.c) */
    OV_ENDINGS /* the endings gallery (explain.c) */
} Overlay;

/* A button of the last frame. One scrolled out of its area takes no click (action A_NONE)
 * but keeps in off_action what it does in view, so that the keyboard's focus still reaches
 * it and scrolls it into view (events.c; window review, item 1); off_action is A_NONE for the
 * others. */
typedef struct Button {
    SDL_Rect r;
    int action, arg;
    int off_action;
} Button;

/* Earlier scene i of the chapter in the story column (history.c; its text is the game's,
 * Decision.scene_text, and the Screen's decisions[i] tells the choice taken and what it
 * changed): its height in the column, laid out for the column's layout (App.hist_key) when
 * measured, else estimated from its length. */
typedef struct HistoryItem {
    int h;
    bool measured;
} HistoryItem;

/* What the history's heights were laid out for: the column's width, the body size and scale,
 * numbers shown or not. */
typedef struct HistoryKey {
    int w, px;
    float scale;
    bool numbers;
} HistoryKey;

/* A save the load list can offer. */
typedef struct Slot {
    char *name;  /* slot name, or file path for title loads */
    char *label; /* what the list shows */
    char *story_path;
    char *what; /* what it holds in words ("24 Nov, 19:56 - Chapter 3, 8 decisions"), or NULL */
    bool empty;
} Slot;

#define MAX_BUTTONS 96
#define SAVE_SLOTS 6

typedef struct App {
    SDL_Window *win;
    SDL_Renderer *ren;
    Draw d;
    Settings set;
    int w, h; /* drawable size */
    const UiConfig *cfg;
    int frames_drawn;
    bool redraw, done;
    int result;
    /* buttons of the last frame */
    Button buttons[MAX_BUTTONS];
    int n_buttons, hover, focus;
    int pressed; /* the button the left mouse button went down on (-1: none) */
    bool inactive; /* drawing the screen under an overlay: no hover or focus */
    Overlay overlay;
    /* a list overlay that does not fit scrolls (overlays.c): which overlay it was laid out
     * for, its scroll (drawable px), the focus it last kept in view, its visible list */
    Overlay list_for;
    int list_scroll, list_focus;
    SDL_Rect list_view;
    char *overlay_text; /* the text a text panel (keys, stats, endings) showed in the last frame,
                           for the tests (sdl_test.h); NULL when none */
    char *error;  /* OV_ERROR text */
    /* OV_CONFIRM (app_confirm): the question, what it means, the "yes" button's label, the
     * action it takes, and the overlay Cancel goes back to (with its focus) */
    char *confirm_title, *confirm_text, *confirm_yes;
    int confirm_action, confirm_arg;
    Overlay confirm_back;
    int confirm_back_focus;
    bool confirmed; /* while the confirmed action runs */
    char *status; /* a line shown until the next action */
    /* a message shown on top of the screen for a few seconds (app_toast): its text, when it
     * goes (SDL_GetTicks), the event its timer posts then, and where the last frame drew it */
    char *toast;
    Uint32 toast_until, toast_event;
    SDL_Rect toast_box;
    char *warning; /* from opening the window (damaged settings): shown on the first screen */
    /* title */
    const Catalog *cat;
    MenuPick *pick;
    bool can_continue;
    char *cont_path, *cont_title;
    /* game */
    Session *s;
    Screen *screen; /* what the game shows, described at each change (app_after_change) */
    HistoryItem *hist; /* the chapter's earlier scenes (history.c), cap_hist allocated */
    size_t n_hist, cap_hist;
    int *hist_tree;     /* a Fenwick tree over hist[].h (1-based, n_hist + 1 entries) */
    HistoryKey hist_key;
    int hist_y0;        /* where the last frame put the column's top (for sdl_test.h) */
    int scroll, content_h, pane_h, current_top;
    SDL_Rect column; /* the story column of the last frame */
    /* the scrolling area of the last frame (the story pane, the title's list of stories; 0
     * when none) and its buttons, first to end - 1: the keyboard's focus scrolls them into
     * view, clear of the stats panel and the top bar (events.c) */
    SDL_Rect scroll_view;
    int scroll_first, scroll_end;
    int ending_top; /* where the ending's heading begins in the column (-1: no ending) */
    int choices_top, choices_end; /* where the scene's choices begin and end in the column */
    SDL_Rect scroll_track, scroll_thumb, choices_cue; /* of the last frame (scroll.c) */
    bool dragging;                /* the scroll bar's thumb, from drag_y0 at drag_scroll0 */
    /* the reading position kept across a change of text or window size (app_anchor_view):
     * pinned to the bottom, or a block of the column (each earlier scene, the current one, its
     * choices: app_block_top) and how far into it the view's top was */
    bool anchored, anchor_bottom;
    size_t anchor_block;
    double anchor_frac;
    int drag_y0, drag_scroll0;
    int panel_scroll;    /* the side panel's stats, when they do not fit (stats.c) */
    bool fake_fullscreen; /* fullscreen as a borderless window (no window manager) */
    SDL_Rect windowed;    /* the window before that, to go back to */
    SDL_Rect panel_view; /* where they were shown in the last frame (0 when they fit) */
    bool scroll_to_current;
    double shown_at;
    char name_entry[SESSION_MAX_NAME + 1]; /* typed while a->screen->ask_name (naming.c) */
    /* room mode */
    Room *room;
    int votes[64];
    bool timer_on;
    Uint32 timer_end; /* SDL_GetTicks at which the discussion time is up */
    SDL_TimerID timer;
    Uint32 tick_event;
    SDL_Rect clock, clock_digits; /* where the last frame drew the countdown (room.c) */
    const char *clock_label;      /* its caption ("Time is up" at zero); static */
    /* --watch */
    Watch *watch;
    SDL_Thread *watcher;
    SDL_atomic_t stop_watching;
    Uint32 reload_event;
    /* slots overlay */
    bool saving;
    Slot *slots;
    size_t n_slots;
} App;

/* widgets.c */
/* Replace the status line (shown until the next action) with a formatted message. */
void app_set_status(App *a, const char *fmt, ...) LADDER_PRINTF(2, 3);
/* Show a message on top of the screen for TOAST_MS, without moving the story ("Saved to slot
 * 1."): replaces the one shown; a timer posts a->toast_event when it is due to go. */
void app_toast(App *a, const char *fmt, ...) LADDER_PRINTF(2, 3);
#define TOAST_MS 4000
/* Draw the message of app_toast over everything, near the top, while it is due. */
void app_draw_toast(App *a);
/* Open the error overlay with a copy of msg. */
void app_show_error(App *a, const char *msg);
/* Ask before an action that cannot be taken back (overwriting a save, quitting): an overlay
 * with title (a question), text (what it means), a button labelled yes that takes action with
 * arg (with a->confirmed true while it runs), and Cancel, which has the focus and goes back to
 * the overlay open now. The strings are copied. */
void app_confirm(App *a, const char *title, const char *text, const char *yes, int action,
                 int arg);
/* Record a clickable rectangle of this frame (dropped past MAX_BUTTONS). */
void app_add_button(App *a, SDL_Rect r, int action, int arg);
/* A button with wrapped text (and an optional badge) at x, y, w wide; returns its height.
 * Draws and registers it only when render is true. */
int app_button(App *a, int x, int y, int w, const char *badge, const char *text, TextRole role,
               int action, int arg, bool render);
/* Register a button at r and draw its box: filled when the pointer is on it, a thick accent
 * frame when it has the keyboard's focus (its label is the caller's to draw). */
void app_button_box(App *a, SDL_Rect r, int action, int arg);
/* A square button with a centred one-line label, drawn and registered. */
void app_small_button(App *a, SDL_Rect r, const char *label, int action, int arg);

/* history.c: the chapter's earlier scenes, laid out only near the view (issue 16, item 14) */
void app_history_free(App *a);
/* Forget the history's layout (the game was replaced: undo, load, reload, a room's rewind):
 * the next frame takes the decisions from the game again. Replays nothing. */
void app_history_build(App *a);
/* A decision was taken: text (the scene before it, malloc'd) is freed, as the game keeps it;
 * the next frame adds the item. */
void app_history_add(App *a, char *text);
/* Before a frame: one item per decision of the game (capped at the Screen's), in O(log n)
 * each for decisions taken since the last frame; when the column's layout (width w, text size,
 * numbers) changed, every height is estimated anew (O(n), no layout). */
void app_history_sync(App *a, int w);
/* Item i was laid out h px tall: its height replaces the estimate (O(log n)). */
void app_history_measured(App *a, size_t i, int h);
/* The text of earlier scene i (borrowed from the game until it moves; "" when none). */
const char *app_history_text(const App *a, size_t i);
/* Item i's offset from the column's top (i >= n_hist: the history's height), in O(log n), px
 * (drawable): measured heights, and estimates for the items not laid out yet. */
int app_history_top(const App *a, size_t i);
/* The history's whole height (the current scene's offset from the column's top), the same. */
int app_history_height(const App *a);
/* The item at offset y from the column's top (0 for y < 0; n_hist past the history). */
size_t app_history_at(const App *a, int y);

/* screens.c: lay out and draw the whole screen under any overlay. */
void app_title_screen(App *a); /* the title menu (a->cat) */
void app_game_screen(App *a);  /* the story being played (a->screen), or the room */
/* stats.c */
/* Stats first..first+count-1 of a->screen (hidden ones left out) at x, y, w wide: label
 * (with "lower is better" where less is good), value and change, and a bar whose moved part
 * is outlined. Returns the height used; draws only when render is true. */
int app_stat_panel(App *a, int x, int y, int w, size_t first, size_t count, bool render);
/* Every stat in the side panel's area view (pad px in from its sides); when they do not fit,
 * they scroll (a->panel_scroll: the wheel over them, events.c) with a bar at the right, and
 * a->panel_view records the area. */
void app_stats_scrolling(App *a, SDL_Rect view, int pad);
/* The stats in a strip across a narrow window under its top bar at y = top, in the columns
 * that make it least tall, ended at a row's boundary within 35% of the window's height; rows
 * past it scroll (a->panel_scroll, a->panel_view as above). Returns the strip's height. */
int app_stats_strip(App *a, int top);
/* The arrows for a change with the numbers hidden, at x, y in a line h tall: one to three
 * (app_change_arrows) pointing the way the stat moved, filled when good, hollow when bad, in
 * the theme's good or bad colour. Returns their width (0 for no change); draws when render. */
int app_change_marks(App *a, int x, int y, int h, int change, bool good, bool render);
/* How many arrows a change of d earns: 0 for none, 1 up to 5, 2 up to 10, 3 past 10. */
int app_change_arrows(int d);

/* topbar.c: the game screen's top bar: left (the title, cut with an ellipsis to fit), right
 * (the chapter, left out when it does not fit), the room's countdown when clock is true, and
 * the Menu button (A_MENU) while a game is on. */
void app_top_bar(App *a, const char *left, const char *right, bool clock);

/* window.c: fullscreen on or off: SDL's desktop fullscreen, or without a window manager
 * (wm_runs) a borderless window covering the display, and back to the window as it was.
 * Re-reads the size. */
void app_set_fullscreen(App *a, bool on);

/* scroll.c */
/* The story pane's scroll bar at its right edge (nothing when max_scroll is 0): records
 * a->scroll_track and a->scroll_thumb. */
void app_pane_scrollbar(App *a, SDL_Rect pane, int max_scroll);
/* A press at y (drawable px) on the scroll bar: on the thumb starts a drag, on the track moves
 * a page towards y. */
void app_scrollbar_press(App *a, int y);
/* The pointer at y while dragging the thumb: the scroll follows it. */
void app_scrollbar_drag(App *a, int y);
/* When the first of the scene's n choices starts below the pane (first_choice_y, drawable
 * px), a button at the pane's foot: "3 choices below" (A_TO_CHOICES); records a->choices_cue. */
void app_choices_cue(App *a, SDL_Rect pane, int first_choice_y, size_t n);
/* At an ending whose heading starts below the pane (heading_y, drawable px), the same kind of
 * button: "The end, below" (A_TO_ENDING), so that the page does not stop on the last scene
 * with no sign of the ending (window review, item 4); records a->choices_cue. Either cue
 * stands on a band of the page's colour that fades the text above it, so that it covers no
 * words (item 5). */
void app_ending_cue(App *a, SDL_Rect pane, int heading_y);

/* Before the text or window size changes: remember the reading position (the block at the
 * top of the view and how far into it, or that the view was at the bottom). */
void app_anchor_view(App *a);
/* After the column was measured anew (a->content_h, a->pane_h): put the view back on the
 * remembered position, once (screens.c has already done it for an earlier scene). */
void app_apply_anchor(App *a);
/* The column's blocks, as offsets from its top: each earlier scene, the current scene, and its
 * choices when it has some (a->choices_top >= 0); how many, where block k starts, and the block
 * at offset y. O(log n) each. */
size_t app_block_count(const App *a);
int app_block_top(const App *a, size_t k);
size_t app_block_at(const App *a, int y);

/* ending.c */
/* The ending's chart of a->screen at x, y, w wide: a row per stat (label and range, its line
 * over the decisions with a tick at each, start and end values coloured by whether the move
 * was good), then the decisions axis. Returns its height (0 without an ending or decisions);
 * draws only when render is true. */
int app_ending_chart(App *a, int x, int y, int w, bool render);
/* At the start of a campaign's chapter 2 or later (no decision taken in it yet), a card:
 * "Campaign: chapter 2 of 4", the chapter's title and what carried over. Returns its height
 * with the space after it (0 when there is none); draws only when render is true. */
int app_chapter_card(App *a, int x, int y, int w, bool render);

/* naming.c: the name entry screen while a->screen->ask_name; text typed (UTF-8, appended up to
 * SESSION_MAX_NAME bytes); a key (true when it was the name's: Backspace, Enter, printable
 * keys); A_NAME gives the name to the session (session_set_player), or shows why not. */
void app_name_screen(App *a);
void app_name_text(App *a, const char *text);
bool app_name_key(App *a, const SDL_KeyboardEvent *k);
void app_name_take(App *a);

/* room.c */
/* The room's countdown (--timer) as a box at x, y, w wide: large digits (ROLE_CLOCK), a caption
 * ("Press T to start", "Discussion"), and at zero a box in the alert colour saying "Time is
 * up". Returns its height (0 without a timer or at an ending); draws only when render is true
 * (and records a->clock, a->clock_digits, a->clock_label). */
int app_room_clock(App *a, int x, int y, int w, bool render);
/* The question for the room and each option with its vote counter, at x, y0, w wide; returns
 * the height. Draws and registers buttons only when render is true. */
int app_room_choices(App *a, int x, int y0, int w, bool render);
/* The room actions (A_VOTE_UP .. A_END_ROOM but A_TIMELINE); true if action was one. */
bool app_room_act(App *a, int action, int arg);

/* overlays.c: draw the open overlay (a->overlay) over the screen, with its buttons. */
void app_draw_overlay(App *a);

/* explain.c: the text (with the story's light markup, malloc'd) of the stats explained: each
 * stat a->screen shows (hidden ones left out while the game goes on) with its label, its value
 * and range (when the settings show numbers), which way is good, and the story's description
 * under it when it has one; and of the endings gallery: how many endings were found, then each
 * of the story's endings, numbered, by title and verdict when found, else "Not found yet"
 * (the ending of this game marked). */
char *app_stats_text(const App *a);
char *app_endings_text(const App *a);

/* slots.c */
void app_slots_free(App *a);
/* Open the slot overlay to save to slot1..slotN of the current game. */
void app_slots_open_save(App *a);
/* Open the slot overlay to load: the current story's saves in game, every story's at the title. */
void app_slots_open_load(App *a);
/* A save as the lists show it, in words (issue 16, item 12): "**Slot 1**  today, 20:43 -
 * Friday evening, 3 decisions"; "Autosave", "Previous game" for the autosave a new game set
 * aside; an ended game as "the end: " and the ending's title when story (may be NULL) has it,
 * else "finished". story_title (may be NULL) leads when the list mixes stories. now: the time
 * to say "today" from. malloc'd. */
char *app_save_words(const SaveInfo *si, const char *story_title, const Story *story,
                     time_t now);
/* Save to, or load, slot i of the open list. */
void app_slots_take(App *a, int i);

/* actions.c */
/* Ctrl+C: put the scene's text (or, with the error panel open, the error) on the clipboard as
 * plain text, and say so. */
void app_copy_text(App *a);
/* Do what a button or key asks (enum Action, with its argument), and ask for a redraw. */
void app_act(App *a, int action, int arg);
/* After the game moved: describe it anew in a->screen (screen_describe, which takes the
 * session's notices: a->screen->notice; room mode adds the room), scroll to the current scene,
 * restart its clock, drop the focus. */
void app_after_change(App *a);
/* Let go of a->screen (at the end of a game). */
void app_screen_free(App *a);

/* events.c */
/* Draw when needed, otherwise sleep until the next event, until a->done. */
void app_run(App *a);
/* --watch: watch dir's files from a thread that posts a reload event; app_watch_stop ends it
 * (joins the thread, frees the watch; nothing when none runs). A watch that cannot start is
 * reported on stderr and play goes on. */
void app_watch_start(App *a, const char *dir);
void app_watch_stop(App *a);

/* window.c */
/* Lay out and draw one frame (written to --screenshot if it is the first); sets a->done when
 * --frames or --screenshot are through. */
void app_render(App *a);
/* Re-read the window and drawable size after a resize or move (remembered in the settings). */
void app_update_size(App *a);

#endif
