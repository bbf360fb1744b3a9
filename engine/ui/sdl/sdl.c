/* sdl.c: the window front end. One window lives from the title menu through play and back;
 * it sleeps in SDL_WaitEvent and draws only when something changed. Each frame lays out the
 * current screen, records its buttons, and renders; events act on the buttons of the last
 * frame. Text is drawn through draw.c's cache, so an unchanged paragraph is never re-shaped. */
#define _GNU_SOURCE /* strptime, timegm */
#include <SDL.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/paths.h"
#include "core/room.h"
#include "core/save.h"
#include "core/text.h"
#include "core/watch.h"
#include "ui/sdl/draw.h"
#include "ui/sdl/png.h"
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
};

typedef enum Overlay { OV_NONE, OV_MENU, OV_SLOTS, OV_SETTINGS, OV_ERROR, OV_TIMELINE, OV_TIE } Overlay;

typedef struct Button {
    SDL_Rect r;
    int action, arg;
} Button;

typedef struct HistoryItem {
    char *text, *choice, *changes;
} HistoryItem;

/* A save the load list can offer. */
typedef struct Slot {
    char *name;  /* slot name, or file path for title loads */
    char *label; /* what the list shows */
    char *story_path;
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
    bool inactive; /* drawing the screen under an overlay: no hover or focus */
    Overlay overlay;
    char *error;  /* OV_ERROR text */
    char *status; /* a line shown until the next action */
    char *warning; /* from opening the window (damaged settings): shown on the first screen */
    /* title */
    const Catalog *cat;
    MenuPick *pick;
    bool can_continue;
    char *cont_path, *cont_title;
    /* game */
    Session *s;
    HistoryItem *hist;
    size_t n_hist;
    int scroll, content_h, pane_h, current_top;
    SDL_Rect column; /* the story column of the last frame */
    bool scroll_to_current;
    double shown_at;
    /* room mode */
    Room *room;
    int votes[64];
    bool timer_on;
    Uint32 timer_end; /* SDL_GetTicks at which the discussion time is up */
    SDL_TimerID timer;
    Uint32 tick_event;
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

static App *app;

static int room_choices(App *a, int x, int y0, int w, bool render);
static Uint32 tick(Uint32 interval, void *data);

/* ---------------------------------------------------------------- helpers */

bool ui_sdl_available(Err *err)
{
    const char *drv = getenv("SDL_VIDEODRIVER");
    if (!(drv && *drv) && !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY")) {
        err_set(err, "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
        return false;
    }
    if (SDL_WasInit(SDL_INIT_VIDEO))
        return true;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        err_set(err, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    return true;
}

static void set_status(App *a, const char *fmt, ...) LADDER_PRINTF(2, 3);
static void set_status(App *a, const char *fmt, ...)
{
    free(a->status);
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    a->status = buf_take(&b);
}

static void show_error(App *a, const char *msg)
{
    free(a->error);
    a->error = xstrdup(msg);
    a->overlay = OV_ERROR;
    a->focus = 0;
}

static void add_button(App *a, SDL_Rect r, int action, int arg)
{
    if (a->n_buttons < MAX_BUTTONS)
        a->buttons[a->n_buttons++] = (Button){r, action, arg};
}

static SDL_Color mix(SDL_Color a, SDL_Color b, int t) /* t/256 of b */
{
    return (SDL_Color){(Uint8)((a.r * (256 - t) + b.r * t) >> 8),
                       (Uint8)((a.g * (256 - t) + b.g * t) >> 8),
                       (Uint8)((a.b * (256 - t) + b.b * t) >> 8), 255};
}

/* A button with wrapped text; returns its height. Registers it when render is true. */
static int button(App *a, int x, int y, int w, const char *badge, const char *text, TextRole role,
                  int action, int arg, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int pad = px(d, 12), bw = badge ? px(d, 34) : 0;
    int th = draw_text(d, role, text, 0, 0, w - 2 * pad - bw, t->button_text, false);
    int h = th + 2 * pad;
    if (!render)
        return h;
    SDL_Rect r = {x, y, w, h};
    int idx = a->n_buttons;
    add_button(a, r, action, arg);
    bool hot = !a->inactive && a->hover == idx, focused = !a->inactive && a->focus == idx;
    draw_fill(d, r, hot ? t->button_hover : t->button);
    draw_frame(d, r, focused ? t->accent : t->button_border, focused ? px(d, 3) : px(d, 1));
    if (badge)
        draw_label(d, role, STYLE_BOLD, badge, x + pad, y + pad, t->accent, true, NULL);
    draw_text(d, role, text, x + pad + bw, y + pad, w - 2 * pad - bw, t->button_text, true);
    return h;
}

/* ---------------------------------------------------------------- history */

static void free_history(App *a)
{
    for (size_t i = 0; i < a->n_hist; i++) {
        free(a->hist[i].text);
        free(a->hist[i].choice);
        free(a->hist[i].changes);
    }
    free(a->hist);
    a->hist = NULL;
    a->n_hist = 0;
}

static char *changes_text(const Story *s, const int *before, const int *after, bool numbers)
{
    Buf b = {0};
    story_format_changes(s, before, after, numbers, &b);
    return buf_take(&b);
}

/* Rebuild the readable history of the current chapter by replaying each prefix. */
static void build_history(App *a)
{
    free_history(a);
    const Game *g = session_game(a->s);
    size_t n = game_decision_count(g);
    if (n == 0)
        return;
    a->hist = xcalloc(n, sizeof *a->hist);
    const Story *st = game_story(g);
    for (size_t i = 0; i < n; i++) {
        Err err;
        Game *gi = game_rewind(g, i, &err);
        if (!gi)
            break;
        const Decision *dc = game_decision(g, i);
        a->hist[i].text = xstrdup(game_text(gi));
        a->hist[i].choice = xstrdup(dc->text);
        a->hist[i].changes = changes_text(st, dc->before, dc->after, a->set.show_numbers);
        a->n_hist = i + 1;
        game_free(gi);
    }
}

/* ---------------------------------------------------------------- screens */

static void top_bar(App *a, const char *left, const char *right)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int bh = px(d, 52);
    draw_fill(d, (SDL_Rect){0, 0, a->w, bh}, t->panel);
    draw_fill(d, (SDL_Rect){0, bh - px(d, 1), a->w, px(d, 1)}, t->button_border);
    int lh = draw_line_height(d, ROLE_BODY);
    int y = (bh - lh) / 2;
    draw_label(d, ROLE_BODY, STYLE_BOLD, left, px(d, 20), y, t->text, true, NULL);
    char clock[64] = "";
    if (a->room && a->timer_on) {
        Uint32 now = SDL_GetTicks();
        int secs = now >= a->timer_end ? 0 : (int)((a->timer_end - now + 999) / 1000);
        if (secs > 0)
            snprintf(clock, sizeof clock, "%d:%02d   Esc  menu", secs / 60, secs % 60);
        else
            snprintf(clock, sizeof clock, "Time   Esc  menu");
    }
    const char *hint = clock[0] ? clock : a->s ? "Esc  menu" : "";
    int hw = draw_label(d, ROLE_SMALL, STYLE_REGULAR, hint, 0, 0, t->dim, false, NULL);
    int sh = draw_line_height(d, ROLE_SMALL);
    draw_label(d, ROLE_SMALL, STYLE_REGULAR, hint, a->w - hw - px(d, 20), (bh - sh) / 2, t->dim,
               true, NULL);
    if (right && *right) {
        int rw = draw_label(d, ROLE_BODY, STYLE_ITALIC, right, 0, 0, t->dim, false, NULL);
        int x = a->w - hw - px(d, 48) - rw;
        int lw = draw_label(d, ROLE_BODY, STYLE_BOLD, left, 0, 0, t->text, false, NULL);
        if (x > px(d, 20) + lw + px(d, 24))
            draw_label(d, ROLE_BODY, STYLE_ITALIC, right, x, y, t->dim, true, NULL);
    }
}

static const SDL_Color PALETTE[] = {{200, 70, 50, 255},  {40, 110, 190, 255}, {60, 150, 80, 255},
                                    {170, 110, 20, 255}, {130, 70, 170, 255}, {20, 150, 150, 255},
                                    {190, 60, 130, 255}, {90, 90, 90, 255}};

/* Stats first..first+count-1, as bars with the change of the last decision. Returns the
 * height used. */
static int stat_panel(App *a, int x, int y, int w, size_t first, size_t count, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Game *g = session_game(a->s);
    const Story *s = game_story(g);
    int sh = draw_line_height(d, ROLE_SMALL), bar = px(d, 10), gap = px(d, 14);
    int y0 = y;
    for (size_t i = first; i < s->n_stats && i < first + count; i++) {
        const StatDef *sd = &s->stats[i];
        int v = game_stat(g, i), dlt = game_stat_change(g, i);
        int sign = ui_change_sign(s, i, dlt);
        SDL_Color cc = sign > 0 ? t->good : sign < 0 ? t->bad : t->neutral;
        /* the numbers on the right; the label wraps in what is left */
        char num[48] = "", ch[24] = "";
        if (a->set.show_numbers)
            snprintf(num, sizeof num, "%d", v);
        if (dlt && a->set.show_numbers)
            snprintf(ch, sizeof ch, "%+d", dlt);
        int nw = draw_label(d, ROLE_SMALL, STYLE_REGULAR, num, 0, 0, t->text, false, NULL);
        int cw = draw_label(d, ROLE_SMALL, STYLE_BOLD, ch, 0, 0, cc, false, NULL);
        int right = nw + (cw ? cw + px(d, 8) : 0) + (dlt && !a->set.show_numbers ? px(d, 16) : 0);
        char *label = xasprintf("**%s**", sd->label);
        int lh = draw_text(d, ROLE_SMALL, label, x, y, w - right - px(d, 8), t->text, render);
        free(label);
        if (render) {
            draw_label(d, ROLE_SMALL, STYLE_REGULAR, num, x + w - nw, y, t->text, true, NULL);
            if (cw) {
                draw_label(d, ROLE_SMALL, STYLE_BOLD, ch, x + w - nw - cw - px(d, 8), y, cc, true,
                           NULL);
            } else if (dlt) { /* a pip whose size tells the size of the change */
                int r = px(d, dlt > 10 || dlt < -10 ? 6 : 4);
                draw_fill(d, (SDL_Rect){x + w - 2 * r - px(d, 2), y + sh / 2 - r, 2 * r, 2 * r},
                          cc);
            }
            SDL_Rect track = {x, y + lh + px(d, 3), w, bar};
            draw_fill(d, track, t->bar_bg);
            int fill = (int)((long long)(v - sd->min) * w / (sd->max - sd->min));
            SDL_Color fc = sd->good == GOOD_LOW ? mix(t->accent, t->bad, 96) : t->accent;
            draw_fill(d, (SDL_Rect){x, track.y, fill, bar}, fc);
            if (dlt) { /* the part that moved, in the change's colour */
                int before = v - dlt;
                int a0 = (int)((long long)(before - sd->min) * w / (sd->max - sd->min));
                int lo = a0 < fill ? a0 : fill, hi = a0 < fill ? fill : a0;
                if (lo < 0)
                    lo = 0;
                if (hi > w)
                    hi = w;
                draw_fill(d, (SDL_Rect){x + lo, track.y + bar - px(d, 3), hi - lo, px(d, 3)}, cc);
            }
        }
        y += lh + px(d, 3) + bar + gap;
    }
    return y - y0;
}

/* A line chart of every stat over the decisions of this playthrough. */
static int stat_chart(App *a, int x, int y, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Game *g = session_game(a->s);
    const Story *s = game_story(g);
    size_t n = game_decision_count(g);
    int ch = px(d, 200), sh = draw_line_height(d, ROLE_SMALL);
    int legend_rows = (int)((s->n_stats + 2) / 3);
    int total = ch + px(d, 10) + legend_rows * (sh + px(d, 4));
    if (!render || n == 0)
        return n ? total : 0;
    SDL_Rect box = {x, y, w, ch};
    draw_fill(d, box, t->button);
    draw_frame(d, box, t->button_border, px(d, 1));
    for (int k = 1; k < 4; k++)
        draw_fill(d, (SDL_Rect){x, y + ch * k / 4, w, px(d, 1)}, t->bar_bg);
    int pad = px(d, 8);
    for (size_t si = 0; si < s->n_stats; si++) {
        const StatDef *sd = &s->stats[si];
        SDL_Color c = PALETTE[si % (sizeof PALETTE / sizeof *PALETTE)];
        SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, 255);
        int px0 = 0, py0 = 0;
        for (size_t i = 0; i <= n; i++) {
            int v = i == 0 ? game_decision(g, 0)->before[si] : game_decision(g, i - 1)->after[si];
            int xx = x + pad + (int)((long long)(w - 2 * pad) * (long long)i / (long long)n);
            int yy = y + ch - pad -
                     (int)((long long)(ch - 2 * pad) * (v - sd->min) / (sd->max - sd->min));
            if (i > 0)
                for (int o = -px(d, 1); o <= px(d, 1); o++) {
                    SDL_RenderDrawLine(d->r, px0, py0 + o, xx, yy + o);
                    SDL_RenderDrawLine(d->r, px0 + o, py0, xx + o, yy);
                }
            px0 = xx;
            py0 = yy;
        }
    }
    int ly = y + ch + px(d, 10), col = w / 3;
    for (size_t si = 0; si < s->n_stats; si++) {
        SDL_Color c = PALETTE[si % (sizeof PALETTE / sizeof *PALETTE)];
        int lx = x + (int)(si % 3) * col, row = (int)(si / 3);
        int yy = ly + row * (sh + px(d, 4));
        draw_fill(d, (SDL_Rect){lx, yy + sh / 2 - px(d, 5), px(d, 18), px(d, 10)}, c);
        draw_label(d, ROLE_SMALL, STYLE_REGULAR, s->stats[si].label, lx + px(d, 26), yy, t->text,
                   true, NULL);
    }
    return total;
}

static const char *verdict_words(Verdict v)
{
    return v == VERDICT_GOOD ? "A good ending" : v == VERDICT_BAD ? "A bad ending" : "A mixed ending";
}

/* The story column: history, the current scene, then choices or the ending's debrief.
 * With render false it only measures (and sets current_top / content_h). */
static int story_column(App *a, int x, int y, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Game *g = session_game(a->s);
    int y0 = y, gap = px(d, 18), sh = draw_line_height(d, ROLE_SMALL);
    for (size_t i = 0; i < a->n_hist; i++) {
        const HistoryItem *h = &a->hist[i];
        y += draw_text(d, ROLE_BODY, h->text, x, y, w, t->dim, render) + gap / 2;
        char *pick = xasprintf("*\u2192 %s*", h->choice);
        y += draw_text(d, ROLE_BODY, pick, x + px(d, 16), y, w - px(d, 16), t->accent, render);
        free(pick);
        if (*h->changes)
            y += draw_text(d, ROLE_SMALL, h->changes, x + px(d, 16), y, w - px(d, 16), t->dim,
                           render);
        y += gap;
        if (render)
            draw_fill(d, (SDL_Rect){x + w / 3, y, w / 3, px(d, 1)}, t->button_border);
        y += gap;
    }
    a->current_top = y - y0;
    if (a->status) {
        y += draw_text(d, ROLE_SMALL, a->status, x, y, w, t->accent, render) + gap / 2;
    }
    y += draw_text(d, ROLE_BODY, game_text(g), x, y, w, t->text, render) + gap;
    if (!game_ended(g) && a->room)
        return y - y0 + room_choices(a, x, y, w, render);
    if (!game_ended(g)) {
        for (size_t i = 0; i < game_choice_count(g) && i < 60; i++) {
            char badge[24];
            snprintf(badge, sizeof badge, "%zu", i + 1);
            y += button(a, x, y, w, i < 9 ? badge : " ", game_choice_text(g, i), ROLE_BODY,
                        A_CHOOSE, (int)i, render) +
                 px(d, 10);
        }
        return y - y0;
    }
    /* the ending and its debrief */
    const Scene *e = game_scene(g);
    y += px(d, 6);
    if (render)
        draw_fill(d, (SDL_Rect){x, y, w, px(d, 2)}, t->accent);
    y += px(d, 14);
    char *head = xasprintf("**The end: %s**", e->title);
    y += draw_text(d, ROLE_HEADING, head, x, y, w, t->text, render);
    free(head);
    char *sub = xasprintf("*%s, after %zu decisions.*", verdict_words(e->verdict),
                          game_decision_count(g));
    y += draw_text(d, ROLE_BODY, sub, x, y, w, t->dim, render) + gap;
    free(sub);
    if (game_decision_count(g) > 0) {
        y += draw_text(d, ROLE_SMALL, "**How things moved**", x, y, w, t->text, render) + px(d, 6);
        y += stat_chart(a, x, y, w, render) + gap;
    }
    bool any = false;
    for (size_t i = 0; i < game_decision_count(g); i++) {
        const char *lesson = game_decision_lesson(g, i);
        if (!lesson)
            continue;
        if (!any)
            y += draw_text(d, ROLE_SMALL, "**Looking back**", x, y, w, t->text, render) + px(d, 6);
        any = true;
        char *line = xasprintf("*%s: %s*", a->room ? "The room chose" : "You chose",
                               game_decision(g, i)->text);
        y += draw_text(d, ROLE_BODY, line, x, y, w, t->dim, render) + px(d, 4);
        free(line);
        const RoomTally *rt = a->room ? room_tally(a->room, i) : NULL;
        if (rt && rt->counts) {
            Buf v = {0};
            buf_puts(&v, "Votes:");
            for (size_t k = 0; k < rt->n; k++)
                buf_printf(&v, "%s %d for %zu", k ? "," : "", rt->counts[k], k + 1);
            if (rt->tie)
                buf_puts(&v, " (a tie, broken by the facilitator)");
            y += draw_text(d, ROLE_SMALL, buf_str(&v), x + px(d, 16), y, w - px(d, 16), t->dim,
                           render) +
                 px(d, 4);
            buf_free(&v);
        }
        y += draw_text(d, ROLE_BODY, lesson, x + px(d, 16), y, w - px(d, 16), t->text, render) +
             gap;
    }
    if (e->lesson)
        y += draw_text(d, ROLE_BODY, e->lesson, x, y, w, t->text, render) + gap;
    (void)sh;
    if (a->room) {
        y += button(a, x, y, w, NULL, "Rewind to an earlier decision (R)", ROLE_BODY, A_TIMELINE,
                    0, render) +
             px(d, 10);
        y += button(a, x, y, w, NULL, "End the session", ROLE_BODY, A_END_ROOM, 0, render);
        return y - y0 + gap;
    }
    if (session_next_chapter(a->s))
        y += button(a, x, y, w, NULL, "**Go on to the next chapter**", ROLE_BODY, A_NEXT, 0,
                    render) +
             px(d, 10);
    y += button(a, x, y, w, NULL, "Take back the last decision", ROLE_BODY, A_UNDO, 0, render) +
         px(d, 10);
    y += button(a, x, y, w, NULL, "Back to the title screen", ROLE_BODY, A_TO_TITLE, 0, render);
    return y - y0 + gap;
}

/* A square button with a centred one-line label. */
static void small_button(App *a, SDL_Rect r, const char *label, int action, int arg)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int idx = a->n_buttons;
    add_button(a, r, action, arg);
    bool hot = !a->inactive && a->hover == idx, focused = !a->inactive && a->focus == idx;
    draw_fill(d, r, hot ? t->button_hover : t->button);
    draw_frame(d, r, focused ? t->accent : t->button_border, focused ? px(d, 3) : px(d, 1));
    int lh, lw = draw_label(d, ROLE_HEADING, STYLE_BOLD, label, 0, 0, t->button_text, false, &lh);
    draw_label(d, ROLE_HEADING, STYLE_BOLD, label, r.x + (r.w - lw) / 2, r.y + (r.h - lh) / 2,
               t->button_text, true, NULL);
}

/* Room mode: the question for the room, then each option with its vote counter. */
static int room_choices(App *a, int x, int y0, int w, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Game *g = session_game(a->s);
    const Scene *sc = game_scene(g);
    int y = y0, pad = px(d, 14);
    if (sc->discuss) {
        char *q = xasprintf("**For the room:** %s", sc->discuss);
        int h = draw_text(d, ROLE_BODY, q, 0, 0, w - 2 * pad, t->text, false);
        if (render) {
            draw_fill(d, (SDL_Rect){x, y, w, h + 2 * pad}, t->panel);
            draw_fill(d, (SDL_Rect){x, y, px(d, 5), h + 2 * pad}, t->accent);
            draw_text(d, ROLE_BODY, q, x + pad, y + pad, w - 2 * pad, t->text, true);
        }
        free(q);
        y += h + 2 * pad + px(d, 16);
    }
    int bw = px(d, 52), total = 0;
    for (size_t i = 0; i < game_choice_count(g) && i < 64; i++)
        total += a->votes[i];
    for (size_t i = 0; i < game_choice_count(g) && i < 64; i++) {
        char badge[24];
        snprintf(badge, sizeof badge, "%zu", i + 1);
        int tw = w - 3 * bw - px(d, 24);
        int h = button(a, x, y, tw, badge, game_choice_text(g, i), ROLE_BODY, A_PICK, (int)i,
                       render);
        if (render) {
            int by = y + (h - bw) / 2, bx = x + tw + px(d, 12);
            small_button(a, (SDL_Rect){bx, by, bw, bw}, "\u2212", A_VOTE_DOWN, (int)i);
            char num[24];
            snprintf(num, sizeof num, "%d", a->votes[i]);
            int nw = draw_label(d, ROLE_HEADING, STYLE_BOLD, num, 0, 0, t->text, false, NULL);
            int nh = draw_line_height(d, ROLE_HEADING);
            draw_label(d, ROLE_HEADING, STYLE_BOLD, num, bx + bw + (bw - nw) / 2, y + (h - nh) / 2,
                       a->votes[i] ? t->accent : t->dim, true, NULL);
            small_button(a, (SDL_Rect){bx + 2 * bw, by, bw, bw}, "+", A_VOTE_UP, (int)i);
        }
        y += h + px(d, 10);
    }
    char *go = total ? xasprintf("**Take the room's choice** (%d votes; Enter)", total)
                     : xstrdup("*Type the votes with the number keys (Shift to take one back), "
                               "or click an option to pick it.*");
    if (total)
        y += button(a, x, y, w, NULL, go, ROLE_BODY, A_DECIDE, 0, render) + px(d, 10);
    else
        y += draw_text(d, ROLE_SMALL, go, x, y, w, t->dim, render) + px(d, 10);
    free(go);
    return y - y0;
}

static void game_screen(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Game *g = session_game(a->s);
    const Story *root = session_root(a->s), *st = game_story(g);
    char *title = root != st ? xasprintf("%s \u2014 %s", root->title, st->title) : xstrdup(st->title);
    top_bar(a, title, game_chapter(g));
    free(title);
    int bar_h = px(d, 52), margin = px(d, 28);
    bool side = a->w >= px(d, 900);
    int panel_w = side ? px(d, 280) : 0;
    int pane_x = 0, pane_y = bar_h, pane_w = a->w - panel_w, pane_h = a->h - bar_h;
    if (side) {
        draw_fill(d, (SDL_Rect){a->w - panel_w, bar_h, panel_w, a->h - bar_h}, t->panel);
        int sx = a->w - panel_w + px(d, 22);
        draw_label(d, ROLE_SMALL, STYLE_ITALIC, "Where you stand", sx, bar_h + px(d, 20), t->dim,
                   true, NULL);
        stat_panel(a, sx, bar_h + px(d, 20) + draw_line_height(d, ROLE_SMALL) + px(d, 12),
                   panel_w - px(d, 44), 0, SIZE_MAX, true);
    } else { /* narrow: stats in columns under the bar */
        const Story *s = game_story(g);
        int gap = px(d, 16);
        size_t cols = a->w >= px(d, 720) ? 3 : 2;
        int cw = (a->w - (int)(cols + 1) * gap) / (int)cols;
        size_t per = (s->n_stats + cols - 1) / cols, tallest = 0;
        for (size_t c = 0; c < cols; c++) {
            size_t first = c * per;
            if (first >= s->n_stats)
                break;
            int hh = stat_panel(a, 0, 0, cw, first, per, false);
            tallest = (size_t)hh > tallest ? (size_t)hh : tallest;
        }
        int strip = (int)tallest + px(d, 8);
        draw_fill(d, (SDL_Rect){0, bar_h, a->w, strip}, t->panel);
        for (size_t c = 0; c < cols && c * per < s->n_stats; c++)
            stat_panel(a, gap + (int)c * (cw + gap), bar_h + px(d, 10), cw, c * per, per, true);
        pane_y = bar_h + strip;
        pane_h = a->h - pane_y;
    }
    int col_w = pane_w - 2 * margin;
    if (col_w > px(d, 34 * a->set.text_size))
        col_w = px(d, 34 * a->set.text_size); /* about 70 characters a line */
    int col_x = pane_x + (pane_w - col_w) / 2;
    a->column = (SDL_Rect){col_x, pane_y, col_w, pane_h};
    /* measure, place the scroll, then draw */
    int saved = a->n_buttons;
    a->content_h = story_column(a, col_x, 0, col_w, false) + margin * 2;
    a->n_buttons = saved;
    a->pane_h = pane_h;
    if (a->scroll_to_current) {
        a->scroll = a->current_top;
        a->scroll_to_current = false;
    }
    int max_scroll = a->content_h - pane_h;
    if (a->scroll > max_scroll)
        a->scroll = max_scroll;
    if (a->scroll < 0)
        a->scroll = 0;
    SDL_Rect clip = {pane_x, pane_y, pane_w, pane_h};
    SDL_RenderSetClipRect(d->r, &clip);
    int first = a->n_buttons;
    story_column(a, col_x, pane_y + margin - a->scroll, col_w, true);
    /* buttons scrolled out of the pane cannot be clicked */
    for (int i = first; i < a->n_buttons; i++) {
        SDL_Rect r = a->buttons[i].r, vis;
        if (!SDL_IntersectRect(&r, &clip, &vis))
            a->buttons[i].action = A_NONE;
    }
    if (a->content_h > pane_h) { /* scroll indicator */
        int th = pane_h * pane_h / a->content_h;
        int ty = pane_y + (pane_h - th) * a->scroll / (max_scroll > 0 ? max_scroll : 1);
        draw_fill(d, (SDL_Rect){pane_x + pane_w - px(d, 6), ty, px(d, 4), th}, t->button_border);
    }
    SDL_RenderSetClipRect(d->r, NULL);
}

static void title_screen(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int col_w = a->w - 2 * px(d, 32);
    if (col_w > px(d, 760))
        col_w = px(d, 760);
    int x = (a->w - col_w) / 2, y = px(d, 32);
    int th;
    draw_label(d, ROLE_TITLE, STYLE_BOLD, "Ladder", x, y, t->text, true, &th);
    y += th;
    y += draw_text(d, ROLE_BODY,
                   "*Career stories about IT leaders: the choices, and what they cost.*", x, y,
                   col_w, t->dim, true) +
         px(d, 18);
    /* the actions first, so they stay in view however many stories there are */
    int n = a->can_continue ? 4 : 3, gap = px(d, 10);
    int bw = (col_w - gap * (n - 1)) / n, bx = x, bh = 0, h;
    if (a->can_continue) {
        char *c = xasprintf("**Continue** %s", a->cont_title);
        h = button(a, bx, y, bw, NULL, c, ROLE_SMALL, A_CONTINUE, 0, true);
        bh = h > bh ? h : bh;
        free(c);
        bx += bw + gap;
    }
    h = button(a, bx, y, bw, NULL, "Load a game", ROLE_SMALL, A_LOAD_MENU, 0, true);
    bh = h > bh ? h : bh;
    bx += bw + gap;
    button(a, bx, y, bw, NULL, "Settings", ROLE_SMALL, A_SETTINGS, 0, true);
    bx += bw + gap;
    button(a, bx, y, bw, NULL, "Quit", ROLE_SMALL, A_QUIT, 0, true);
    y += bh + px(d, 18);
    if (a->status)
        y += draw_text(d, ROLE_SMALL, a->status, x, y, col_w, t->accent, true) + px(d, 10);
    /* the stories, scrolling under the actions when they do not fit */
    int top = y, list_h = 0;
    for (size_t i = 0; i < a->cat->n; i++) {
        char *text = xasprintf("**%s**\n%s", a->cat->v[i].title, a->cat->v[i].summary);
        list_h += button(a, x, 0, col_w, "1", text, ROLE_BODY, A_STORY, (int)i, false) + px(d, 8);
        free(text);
    }
    a->pane_h = a->h - top;
    a->content_h = list_h + px(d, 16);
    int max_scroll = a->content_h - a->pane_h;
    if (a->scroll > max_scroll)
        a->scroll = max_scroll;
    if (a->scroll < 0)
        a->scroll = 0;
    SDL_Rect clip = {0, top, a->w, a->h - top};
    SDL_RenderSetClipRect(d->r, &clip);
    int first = a->n_buttons;
    y = top - a->scroll;
    for (size_t i = 0; i < a->cat->n; i++) {
        char badge[24];
        snprintf(badge, sizeof badge, "%zu", i + 1);
        char *text = xasprintf("**%s**\n%s", a->cat->v[i].title, a->cat->v[i].summary);
        y += button(a, x, y, col_w, i < 9 ? badge : " ", text, ROLE_BODY, A_STORY, (int)i, true) +
             px(d, 8);
        free(text);
    }
    for (int i = first; i < a->n_buttons; i++) {
        SDL_Rect r = a->buttons[i].r, vis;
        if (!SDL_IntersectRect(&r, &clip, &vis))
            a->buttons[i].action = A_NONE;
    }
    if (a->cat->n == 0)
        draw_text(d, ROLE_BODY, "No stories were found.", x, y, col_w, t->bad, true);
    if (max_scroll > 0) {
        int ph = a->h - top, th2 = ph * ph / a->content_h;
        int ty = top + (ph - th2) * a->scroll / max_scroll;
        draw_fill(d, (SDL_Rect){a->w - px(d, 8), ty, px(d, 4), th2}, t->button_border);
    }
    SDL_RenderSetClipRect(d->r, NULL);
}

/* A centred panel over the dimmed screen; returns the inner rect for its content. */
static SDL_Rect overlay_panel(App *a, const char *title, int inner_h)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    draw_fill(d, (SDL_Rect){0, 0, a->w, a->h}, t->shade);
    int w = a->w - 2 * px(d, 24);
    if (w > px(d, 560))
        w = px(d, 560);
    int hh = draw_line_height(d, ROLE_HEADING);
    int h = inner_h + hh + px(d, 56);
    if (h > a->h - px(d, 24))
        h = a->h - px(d, 24);
    SDL_Rect r = {(a->w - w) / 2, (a->h - h) / 2, w, h};
    draw_fill(d, r, t->bg);
    draw_frame(d, r, t->accent, px(d, 2));
    draw_label(d, ROLE_HEADING, STYLE_BOLD, title, r.x + px(d, 24), r.y + px(d, 16), t->text,
               true, NULL);
    return (SDL_Rect){r.x + px(d, 24), r.y + px(d, 24) + hh, w - px(d, 48), h - hh - px(d, 48)};
}

typedef struct Item {
    const char *text;
    int action, arg;
} Item;

static void list_overlay(App *a, const char *title, const Item *items, size_t n)
{
    Draw *d = &a->d;
    int total = 0, gap = px(d, 8);
    int w = a->w - 2 * px(d, 24);
    if (w > px(d, 560))
        w = px(d, 560);
    w -= px(d, 48);
    for (size_t i = 0; i < n; i++)
        total += button(a, 0, 0, w, NULL, items[i].text, ROLE_BODY, 0, 0, false) + gap;
    SDL_Rect in = overlay_panel(a, title, total);
    int y = in.y;
    for (size_t i = 0; i < n; i++)
        y += button(a, in.x, y, in.w, NULL, items[i].text, ROLE_BODY, items[i].action,
                    items[i].arg, true) +
             gap;
}

static void timeline_overlay(App *a)
{
    const Game *g = session_game(a->s);
    size_t n = game_decision_count(g);
    Item *items = xcalloc(n + 1, sizeof *items);
    char **texts = xcalloc(n + 1, sizeof *texts);
    for (size_t i = 0; i < n; i++) {
        texts[i] = xasprintf("**%zu.** %s", i + 1, game_decision(g, i)->text);
        items[i] = (Item){texts[i], A_REWIND, (int)i + 1};
    }
    items[n] = (Item){"Cancel", A_CLOSE, 0};
    list_overlay(a, n ? "Rewind to before decision..." : "No decisions yet", items, n + 1);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(items);
}

static void tie_overlay(App *a)
{
    const Game *g = session_game(a->s);
    size_t n = game_choice_count(g), ties;
    size_t best = room_winner(a->votes, n, &ties);
    Item *items = xcalloc(n + 1, sizeof *items);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (a->votes[i] == a->votes[best])
            items[k++] = (Item){game_choice_text(g, i), A_PICK, (int)i};
    items[k++] = (Item){"Back to the vote", A_CLOSE, 0};
    list_overlay(a, "A tie: the facilitator decides", items, k);
    free(items);
}

static void menu_overlay(App *a)
{
    if (a->room) {
        Item items[] = {{"Back to the room", A_RESUME, 0},
                        {"Rewind to an earlier decision", A_TIMELINE, 0},
                        {"Settings", A_SETTINGS, 0},
                        {"End the session (the debrief is written)", A_END_ROOM, 0}};
        list_overlay(a, "Menu", items, sizeof items / sizeof *items);
        return;
    }
    Item items[] = {{"Back to the story", A_RESUME, 0}, {"Save the game", A_SAVE_MENU, 0},
                    {"Load a game", A_LOAD_MENU, 0},    {"Take back the last decision", A_UNDO, 0},
                    {"Settings", A_SETTINGS, 0},         {"Back to the title screen", A_TO_TITLE, 0},
                    {"Quit Ladder", A_QUIT, 0}};
    list_overlay(a, "Menu", items, sizeof items / sizeof *items);
}

static void settings_overlay(App *a)
{
    static const char *const theme_names[] = {"light", "dark", "high contrast"};
    char size[64], theme[64], fs[64], num[64];
    snprintf(size, sizeof size, "Larger text (now %d)", a->set.text_size);
    snprintf(theme, sizeof theme, "Theme: %s", theme_names[a->set.theme % 3]);
    snprintf(fs, sizeof fs, "Fullscreen: %s", a->set.fullscreen ? "on" : "off");
    snprintf(num, sizeof num, "Stat numbers: %s", a->set.show_numbers ? "shown" : "hidden");
    Item items[] = {{size, A_BIGGER, 0},         {"Smaller text", A_SMALLER, 0},
                    {theme, A_THEME, 0},          {fs, A_FULLSCREEN, 0},
                    {num, A_NUMBERS, 0},          {"Done", A_CLOSE, 0}};
    list_overlay(a, "Settings", items, sizeof items / sizeof *items);
}

static void slots_overlay(App *a)
{
    Item *items = xcalloc(a->n_slots + 1, sizeof *items);
    for (size_t i = 0; i < a->n_slots; i++)
        items[i] = (Item){a->slots[i].label, A_SLOT, (int)i};
    items[a->n_slots] = (Item){"Cancel", A_CLOSE, 0};
    list_overlay(a, a->saving ? "Save to a slot" : (a->n_slots ? "Load a game" : "No saves yet"),
                 items, a->n_slots + 1);
    free(items);
}

static void error_overlay(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int w = a->w - 2 * px(d, 24);
    if (w > px(d, 560))
        w = px(d, 560);
    w -= px(d, 48);
    const char *intro = "The story's script failed. The game is back where it was before.";
    int h = draw_text(d, ROLE_BODY, intro, 0, 0, w, t->text, false) + px(d, 12) +
            draw_text(d, ROLE_SMALL, a->error, 0, 0, w, t->bad, false) + px(d, 20) +
            button(a, 0, 0, w, NULL, "OK", ROLE_BODY, 0, 0, false) * 2 + px(d, 8);
    SDL_Rect in = overlay_panel(a, "Something went wrong", h);
    int y = in.y;
    y += draw_text(d, ROLE_BODY, intro, in.x, y, in.w, t->text, true) + px(d, 12);
    y += draw_text(d, ROLE_SMALL, a->error, in.x, y, in.w, t->bad, true) + px(d, 20);
    if (a->s)
        y += button(a, in.x, y, in.w, NULL, "Back to the story", ROLE_BODY, A_CLOSE, 0, true) +
             px(d, 8);
    button(a, in.x, y, in.w, NULL, a->s ? "Back to the title screen" : "OK", ROLE_BODY,
           a->s ? A_TO_TITLE : A_CLOSE, 0, true);
}

/* ---------------------------------------------------------------- frame */

static void screenshot(App *a)
{
    Err err;
    unsigned char *rgb = xmalloc((size_t)a->w * (size_t)a->h * 3);
    if (SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_RGB24, rgb, a->w * 3) != 0) {
        fprintf(stderr, "ladder: cannot read the frame: %s\n", SDL_GetError());
        a->result = 1;
    } else if (str_ends_with(a->cfg->screenshot, ".bmp")) {
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(rgb, a->w, a->h, 24, a->w * 3,
                                                            SDL_PIXELFORMAT_RGB24);
        if (!s || SDL_SaveBMP(s, a->cfg->screenshot) != 0) {
            fprintf(stderr, "ladder: cannot write %s: %s\n", a->cfg->screenshot, SDL_GetError());
            a->result = 1;
        }
        SDL_FreeSurface(s);
    } else if (png_write(a->cfg->screenshot, rgb, a->w, a->h, &err) != 0) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        a->result = 1;
    }
    free(rgb);
}

static void render(App *a)
{
    const Theme *t = a->d.theme;
    SDL_SetRenderDrawColor(a->ren, t->bg.r, t->bg.g, t->bg.b, 255);
    SDL_RenderClear(a->ren);
    a->n_buttons = 0;
    a->d.n_drawn = 0;
    a->column = (SDL_Rect){0, 0, 0, 0};
    a->inactive = a->overlay != OV_NONE;
    if (a->s)
        game_screen(a);
    else
        title_screen(a);
    a->inactive = false;
    if (a->overlay != OV_NONE)
        a->n_buttons = 0; /* only the overlay's buttons act */
    switch (a->overlay) {
    case OV_MENU: menu_overlay(a); break;
    case OV_SETTINGS: settings_overlay(a); break;
    case OV_SLOTS: slots_overlay(a); break;
    case OV_ERROR: error_overlay(a); break;
    case OV_TIMELINE: timeline_overlay(a); break;
    case OV_TIE: tie_overlay(a); break;
    case OV_NONE: break;
    }
    if (a->focus >= a->n_buttons)
        a->focus = a->n_buttons - 1;
    a->frames_drawn++;
    if (a->cfg->screenshot && a->frames_drawn == 1) {
        screenshot(a);
        a->done = true;
    }
    SDL_RenderPresent(a->ren);
    if (a->cfg->frames > 0 && a->frames_drawn >= a->cfg->frames)
        a->done = true;
}

/* ---------------------------------------------------------------- window */

static SDL_Surface *make_icon(void)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    SDL_FillRect(s, NULL, SDL_MapRGBA(s->format, 0, 0, 0, 0));
    SDL_Rect bg = {4, 4, 56, 56};
    SDL_FillRect(s, &bg, SDL_MapRGBA(s->format, 150, 68, 40, 255));
    Uint32 cream = SDL_MapRGBA(s->format, 247, 243, 235, 255);
    SDL_Rect rails[2] = {{18, 10, 6, 44}, {40, 10, 6, 44}};
    SDL_FillRects(s, rails, 2, cream);
    for (int i = 0; i < 4; i++) {
        SDL_Rect rung = {24, 16 + i * 10, 16, 4};
        SDL_FillRect(s, &rung, cream);
    }
    return s;
}

static void update_size(App *a)
{
    int ww, wh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    float scale = ww > 0 ? (float)a->w / (float)ww : 1.0f;
    Err err;
    if (draw_resize(&a->d, a->set.text_size, scale, &err) != 0)
        fprintf(stderr, "ladder: %s\n", err.msg);
    if (!a->set.fullscreen) {
        a->set.w = ww;
        a->set.h = wh;
        SDL_GetWindowPosition(a->win, &a->set.x, &a->set.y);
        a->set.has_pos = true;
    }
}

static App *open_app(const UiConfig *cfg, Err *err)
{
    if (app) {
        app->cfg = cfg;
        return app;
    }
    if (!ui_sdl_available(err))
        return NULL;
    if (TTF_Init() != 0) {
        err_set(err, "cannot start SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    App *a = xcalloc(1, sizeof *a);
    a->cfg = cfg;
    a->hover = a->focus = -1;
    settings_default(&a->set);
    a->warning = settings_load(&a->set);
    /* a remembered size larger than any screen (or a damaged one) is cut down to 4K or the
     * display, whichever is larger */
    SDL_Rect usable = {0, 0, 3840, 2160};
    SDL_Rect disp;
    if (SDL_GetDisplayUsableBounds(0, &disp) == 0) {
        usable.w = disp.w > usable.w ? disp.w : usable.w;
        usable.h = disp.h > usable.h ? disp.h : usable.h;
    }
    if (a->set.w > usable.w)
        a->set.w = usable.w;
    if (a->set.h > usable.h)
        a->set.h = usable.h;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (a->set.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    int x = a->set.has_pos ? a->set.x : (int)SDL_WINDOWPOS_CENTERED;
    int y = a->set.has_pos ? a->set.y : (int)SDL_WINDOWPOS_CENTERED;
    a->win = SDL_CreateWindow("Ladder", x, y, a->set.w, a->set.h, flags);
    if (!a->win) {
        err_set(err, "cannot open a window: %s", SDL_GetError());
        free(a);
        return NULL;
    }
    SDL_SetWindowMinimumSize(a->win, 480, 360);
    SDL_Surface *icon = make_icon();
    if (icon) {
        SDL_SetWindowIcon(a->win, icon);
        SDL_FreeSurface(icon);
    }
    a->ren = SDL_CreateRenderer(a->win, -1, 0);
    if (!a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->ren) {
        err_set(err, "cannot draw in the window: %s", SDL_GetError());
        SDL_DestroyWindow(a->win);
        free(a);
        return NULL;
    }
    int ww, wh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
    if (draw_open(&a->d, a->ren, a->set.text_size, ww > 0 ? (float)a->w / (float)ww : 1.0f,
                  &THEMES[a->set.theme % 3], err) != 0) {
        SDL_DestroyRenderer(a->ren);
        SDL_DestroyWindow(a->win);
        free(a);
        return NULL;
    }
    app = a;
    return a;
}

static void sdl_shutdown(void)
{
    App *a = app;
    if (!a)
        return;
    Err err;
    if (!a->cfg || (!a->cfg->screenshot && a->cfg->frames == 0))
        settings_save(&a->set, &err); /* a failure here costs only the window geometry */
    free_history(a);
    free(a->error);
    free(a->status);
    free(a->warning);
    free(a->cont_path);
    free(a->cont_title);
    draw_close(&a->d);
    SDL_DestroyRenderer(a->ren);
    SDL_DestroyWindow(a->win);
    free(a);
    app = NULL;
    TTF_Quit();
    SDL_Quit();
}

/* ---------------------------------------------------------------- actions */

static void free_slots(App *a)
{
    for (size_t i = 0; i < a->n_slots; i++) {
        free(a->slots[i].name);
        free(a->slots[i].label);
        free(a->slots[i].story_path);
    }
    free(a->slots);
    a->slots = NULL;
    a->n_slots = 0;
}

static void add_slot(App *a, char *name, char *label, char *story_path, bool empty)
{
    a->slots = xrealloc(a->slots, (a->n_slots + 1) * sizeof *a->slots);
    a->slots[a->n_slots++] = (Slot){name, label, story_path, empty};
}

/* The slots to save to: slot1..slot6, showing what each holds. */
static void open_save_slots(App *a)
{
    free_slots(a);
    size_t n;
    SaveInfo *v = session_list_saves(a->s, &n);
    for (int k = 1; k <= SAVE_SLOTS; k++) {
        char name[16];
        snprintf(name, sizeof name, "slot%d", k);
        const SaveInfo *hit = NULL;
        for (size_t i = 0; i < n; i++)
            if (strcmp(v[i].name, name) == 0)
                hit = &v[i];
        char *when = hit ? ui_human_time(hit->updated) : NULL;
        char *label = hit ? xasprintf("**Slot %d**  %s \u2014 %s, %zu decisions", k, when,
                                      hit->scene, hit->decisions)
                          : xasprintf("**Slot %d**  *empty*", k);
        free(when);
        add_slot(a, xstrdup(name), label, NULL, hit == NULL);
    }
    session_free_saves(v, n);
    a->saving = true;
    a->overlay = OV_SLOTS;
    a->focus = 0;
}

/* Every save of the current story (in game) or of every bundled story (at the title). */
static void open_load_slots(App *a)
{
    free_slots(a);
    if (a->s) {
        size_t n;
        SaveInfo *v = session_list_saves(a->s, &n);
        for (size_t i = 0; i < n && i < 40; i++) {
            char *when = ui_human_time(v[i].updated);
            add_slot(a, xstrdup(v[i].name),
                     xasprintf("**%s**  %s \u2014 %s%s, %zu decisions", v[i].name, when,
                               v[i].ended ? "ended: " : "", v[i].scene, v[i].decisions),
                     NULL, false);
            free(when);
        }
        session_free_saves(v, n);
    } else {
        for (size_t c = 0; c < a->cat->n && a->n_slots < 40; c++) {
            Err err;
            char *dir = paths_save_dir(a->cat->v[c].id, &err);
            if (!dir)
                break;
            DIR *dd = opendir(dir);
            struct dirent *e;
            while (dd && (e = readdir(dd)) && a->n_slots < 40) {
                if (e->d_name[0] == '.' || !str_ends_with(e->d_name, ".json"))
                    continue;
                char *path = xasprintf("%s/%s", dir, e->d_name);
                SaveData sd;
                if (save_read(path, &sd, &err) == 0) {
                    char *when = ui_human_time(sd.updated);
                    add_slot(a, path,
                             xasprintf("**%s** (%.*s)  %s \u2014 %s", a->cat->v[c].title,
                                       (int)strlen(e->d_name) - 5, e->d_name, when,
                                       sd.chapter ? sd.chapter : sd.scene ? sd.scene : ""),
                             xstrdup(a->cat->v[c].path), false);
                    free(when);
                    save_data_free(&sd);
                } else {
                    free(path);
                }
            }
            if (dd)
                closedir(dd);
            free(dir);
        }
    }
    a->saving = false;
    a->overlay = OV_SLOTS;
    a->focus = 0;
}

static void after_change(App *a)
{
    a->scroll_to_current = true;
    a->shown_at = now_seconds();
    a->focus = -1;
}

static void do_choose(App *a, int i)
{
    const Game *g = session_game(a->s);
    if (game_ended(g) || i < 0 || (size_t)i >= game_choice_count(g))
        return;
    char *text = xstrdup(game_text(g)), *choice = xstrdup(game_choice_text(g, (size_t)i));
    Err err;
    int rc = session_choose(a->s, (size_t)i, now_seconds() - a->shown_at, &err);
    if (rc != 0) {
        free(text);
        free(choice);
        if (rc == -1) {
            a->result = 1;
            show_error(a, err.msg);
        }
        return;
    }
    g = session_game(a->s);
    const Decision *dc = game_decision(g, game_decision_count(g) - 1);
    a->hist = xrealloc(a->hist, (a->n_hist + 1) * sizeof *a->hist);
    a->hist[a->n_hist++] = (HistoryItem){text, choice,
                                         changes_text(game_story(g), dc->before, dc->after,
                                                      a->set.show_numbers)};
    free(a->status);
    a->status = session_take_notice(a->s);
    after_change(a);
}

static void apply_settings(App *a)
{
    Err err;
    draw_set_theme(&a->d, &THEMES[a->set.theme % 3]);
    if (draw_resize(&a->d, a->set.text_size, a->d.scale, &err) != 0)
        show_error(a, err.msg);
    settings_save(&a->set, &err);
}

/* Room mode: take option k, recording the votes when counted; write the debrief at the end. */
static void room_choose(App *a, size_t k, bool counted, bool tie)
{
    const Game *g = session_game(a->s);
    if (k >= game_choice_count(g))
        return;
    char *text = xstrdup(game_text(g)), *choice = xstrdup(game_choice_text(g, k));
    Err err;
    int rc = room_decide(a->room, k, counted ? a->votes : NULL, tie, &err);
    if (rc != 0) {
        free(text);
        free(choice);
        if (rc == -1)
            show_error(a, err.msg);
        return;
    }
    g = session_game(a->s);
    const Decision *dc = game_decision(g, game_decision_count(g) - 1);
    a->hist = xrealloc(a->hist, (a->n_hist + 1) * sizeof *a->hist);
    a->hist[a->n_hist++] = (HistoryItem){text, choice,
                                         changes_text(game_story(g), dc->before, dc->after,
                                                      a->set.show_numbers)};
    memset(a->votes, 0, sizeof a->votes);
    a->timer_on = false;
    free(a->status);
    a->status = NULL;
    free(session_take_notice(a->s));
    if (game_ended(g)) {
        const char *md, *html;
        if (room_write_debrief(a->room, &md, &html, &err) == 0)
            a->status = xasprintf("The debrief is written: %s and %s", md, html);
        else
            show_error(a, err.msg);
    }
    after_change(a);
}

static void act(App *a, int action, int arg)
{
    Err err;
    free(a->status);
    a->status = NULL;
    switch (action) {
    case A_CHOOSE: do_choose(a, arg); break;
    case A_STORY:
        a->pick->story_path = xstrdup(a->cat->v[arg].path);
        a->pick->resume = false;
        a->done = true;
        a->result = 0;
        break;
    case A_CONTINUE:
        a->pick->story_path = xstrdup(a->cont_path);
        a->pick->resume = true;
        a->done = true;
        a->result = 0;
        break;
    case A_LOAD_MENU: open_load_slots(a); break;
    case A_SAVE_MENU: open_save_slots(a); break;
    case A_SLOT: {
        if (arg < 0 || (size_t)arg >= a->n_slots)
            break;
        Slot *sl = &a->slots[arg];
        a->overlay = OV_NONE;
        if (a->saving) {
            if (session_save(a->s, sl->name, NULL, &err) != 0)
                show_error(a, err.msg);
            else
                set_status(a, "Saved to slot %d.", arg + 1);
        } else if (a->s) {
            if (session_load(a->s, sl->name, &err) != 0) {
                show_error(a, err.msg);
            } else {
                build_history(a);
                a->status = session_take_notice(a->s);
                after_change(a);
            }
        } else {
            a->pick->story_path = xstrdup(sl->story_path);
            a->pick->load = xstrdup(sl->name);
            a->done = true;
            a->result = 0;
        }
        break;
    }
    case A_SETTINGS: a->overlay = OV_SETTINGS; a->focus = 0; break;
    case A_QUIT: a->done = true; a->result = a->s ? 0 : 1; break;
    case A_MENU: a->overlay = OV_MENU; a->focus = 0; break;
    case A_RESUME:
    case A_CLOSE: a->overlay = a->overlay == OV_SETTINGS && a->s ? OV_MENU : OV_NONE; break;
    case A_UNDO:
        a->overlay = OV_NONE;
        if (session_undo(a->s, &err) != 0) {
            set_status(a, "%s", err.msg);
        } else {
            build_history(a);
            after_change(a);
        }
        break;
    case A_TO_TITLE:
        a->overlay = OV_NONE;
        a->done = true;
        a->result = UI_BACK_TO_TITLE;
        break;
    case A_NEXT:
        if (session_advance(a->s, &err) != 0) {
            show_error(a, err.msg);
        } else {
            free_history(a);
            after_change(a);
            a->scroll = 0;
        }
        break;
    case A_BIGGER:
    case A_SMALLER:
        a->set.text_size += action == A_BIGGER ? 2 : -2;
        if (a->set.text_size > TEXT_SIZE_MAX)
            a->set.text_size = TEXT_SIZE_MAX;
        if (a->set.text_size < TEXT_SIZE_MIN)
            a->set.text_size = TEXT_SIZE_MIN;
        apply_settings(a);
        break;
    case A_THEME: a->set.theme = (a->set.theme + 1) % 3; apply_settings(a); break;
    case A_FULLSCREEN:
        a->set.fullscreen = !a->set.fullscreen;
        if (a->set.fullscreen) {
            SDL_Rect bounds;
            if (SDL_GetDisplayBounds(SDL_GetWindowDisplayIndex(a->win), &bounds) == 0)
                SDL_SetWindowPosition(a->win, bounds.x, bounds.y);
        }
        SDL_SetWindowFullscreen(a->win, a->set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        apply_settings(a);
        break;
    case A_NUMBERS:
        a->set.show_numbers = !a->set.show_numbers;
        if (a->s)
            build_history(a);
        apply_settings(a);
        break;
    case A_VOTE_UP:
    case A_VOTE_DOWN:
        if (arg >= 0 && arg < 64) {
            a->votes[arg] += action == A_VOTE_UP ? 1 : -1;
            if (a->votes[arg] < 0)
                a->votes[arg] = 0;
        }
        break;
    case A_DECIDE: {
        size_t n = game_choice_count(session_game(a->s)), ties;
        size_t best = room_winner(a->votes, n, &ties);
        if (a->votes[best] == 0)
            break;
        if (ties > 1) {
            a->overlay = OV_TIE;
            a->focus = 0;
            break;
        }
        room_choose(a, best, true, false);
        break;
    }
    case A_PICK: {
        bool tie = a->overlay == OV_TIE;
        a->overlay = OV_NONE;
        int total = 0;
        for (int i = 0; i < 64; i++)
            total += a->votes[i];
        room_choose(a, (size_t)arg, tie || total > 0, tie);
        break;
    }
    case A_TIMER:
        if (a->cfg->timer > 0) {
            a->timer_on = true;
            a->timer_end = SDL_GetTicks() + (Uint32)a->cfg->timer * 1000u;
            if (!a->timer)
                a->timer = SDL_AddTimer(250, tick, a);
        }
        break;
    case A_TIMELINE: a->overlay = OV_TIMELINE; a->focus = 0; break;
    case A_REWIND:
        a->overlay = OV_NONE;
        if (room_rewind(a->room, (size_t)arg, &err) != 0) {
            show_error(a, err.msg);
        } else {
            build_history(a);
            memset(a->votes, 0, sizeof a->votes);
            set_status(a, "Back to decision %d. The road you left is kept in the debrief.", arg);
            after_change(a);
        }
        break;
    case A_END_ROOM:
        a->overlay = OV_NONE;
        a->done = true;
        a->result = 0;
        break;
    default: break;
    }
    a->redraw = true;
}

static int button_at(App *a, int x, int y)
{
    SDL_Point p = {(int)((float)x * a->d.scale), (int)((float)y * a->d.scale)};
    for (int i = a->n_buttons - 1; i >= 0; i--)
        if (a->buttons[i].action != A_NONE && SDL_PointInRect(&p, &a->buttons[i].r))
            return i;
    return -1;
}

static void scroll_by(App *a, int dy)
{
    if (a->overlay != OV_NONE)
        return;
    a->scroll += dy;
    a->redraw = true;
}

static void key(App *a, const SDL_KeyboardEvent *k)
{
    SDL_Keycode sym = k->keysym.sym;
    bool ctrl = (k->keysym.mod & KMOD_CTRL) != 0;
    if (ctrl && (sym == SDLK_PLUS || sym == SDLK_EQUALS || sym == SDLK_KP_PLUS)) {
        act(a, A_BIGGER, 0);
        return;
    }
    if (ctrl && (sym == SDLK_MINUS || sym == SDLK_KP_MINUS)) {
        act(a, A_SMALLER, 0);
        return;
    }
    if (ctrl && sym == SDLK_z && a->s && a->overlay == OV_NONE) {
        act(a, A_UNDO, 0);
        return;
    }
    if (a->room && a->overlay == OV_NONE && (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) &&
        a->focus < 0 && !game_ended(session_game(a->s))) {
        act(a, A_DECIDE, 0);
        return;
    }
    switch (sym) {
    case SDLK_F11: act(a, A_FULLSCREEN, 0); return;
    case SDLK_ESCAPE:
        if (a->overlay != OV_NONE)
            act(a, A_CLOSE, 0);
        else if (a->s)
            act(a, A_MENU, 0);
        else
            act(a, A_QUIT, 0);
        return;
    case SDLK_UP:
    case SDLK_DOWN:
    case SDLK_TAB: {
        int n = a->n_buttons;
        if (n == 0)
            return;
        bool back = sym == SDLK_UP || (sym == SDLK_TAB && (k->keysym.mod & KMOD_SHIFT));
        int f = a->focus;
        for (int tries = 0; tries < n; tries++) {
            f = f < 0 ? (back ? n - 1 : 0) : (f + (back ? n - 1 : 1)) % n;
            if (a->buttons[f].action != A_NONE)
                break;
        }
        a->focus = f;
        if (a->overlay == OV_NONE) { /* keep the focused button in view */
            SDL_Rect r = a->buttons[f].r;
            if (r.y + r.h > a->h)
                a->scroll += r.y + r.h - a->h + px(&a->d, 20);
            else if (r.y < px(&a->d, 120))
                a->scroll -= px(&a->d, 120) - r.y;
        }
        a->redraw = true;
        return;
    }
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
        if (a->focus >= 0 && a->focus < a->n_buttons)
            act(a, a->buttons[a->focus].action, a->buttons[a->focus].arg);
        return;
    case SDLK_PAGEUP: scroll_by(a, -a->pane_h * 9 / 10); return;
    case SDLK_PAGEDOWN: scroll_by(a, a->pane_h * 9 / 10); return;
    case SDLK_HOME: scroll_by(a, -a->content_h); return;
    case SDLK_END: scroll_by(a, a->content_h); return;
    default: break;
    }
    if (a->room && a->overlay == OV_NONE && !game_ended(session_game(a->s))) {
        if (sym >= SDLK_1 && sym <= SDLK_9) {
            int n = (int)(sym - SDLK_1);
            if ((size_t)n < game_choice_count(session_game(a->s)))
                act(a, (k->keysym.mod & KMOD_SHIFT) ? A_VOTE_DOWN : A_VOTE_UP, n);
            return;
        }
        if (sym == SDLK_t) {
            act(a, A_TIMER, 0);
            return;
        }
    }
    if (a->room && a->overlay == OV_NONE && sym == SDLK_r) {
        act(a, A_TIMELINE, 0);
        return;
    }
    if (sym >= SDLK_1 && sym <= SDLK_9) {
        int n = (int)(sym - SDLK_1);
        if (a->overlay == OV_SLOTS) {
            act(a, A_SLOT, n);
        } else if (a->overlay != OV_NONE) {
            return;
        } else if (a->s) {
            act(a, A_CHOOSE, n);
        } else if ((size_t)n < a->cat->n) {
            act(a, A_STORY, n);
        }
    }
}

/* Room mode: the discussion timer ticks as an event, so the clock redraws while it runs. */
static Uint32 tick(Uint32 interval, void *data)
{
    App *a = data;
    SDL_Event e = {.type = a->tick_event};
    SDL_PushEvent(&e);
    return interval;
}

/* --watch: a thread waits on the story's files and posts an event when they change. */
static int watcher(void *data)
{
    App *a = data;
    while (!SDL_AtomicGet(&a->stop_watching)) {
        if (watch_changed(a->watch, 250)) {
            SDL_Event e = {.type = a->reload_event};
            SDL_PushEvent(&e);
        }
    }
    return 0;
}

static void reload_story(App *a)
{
    Err err;
    if (session_reload(a->s, &err) != 0) {
        char *msg = xasprintf("The story changed but does not load; the game goes on with the last "
                              "version that did.\n\n%s", err.msg);
        show_error(a, msg);
        free(msg);
    } else {
        build_history(a);
        free(a->status);
        char *n = session_take_notice(a->s);
        a->status = xasprintf("*The story changed: reloaded.*%s%s", n ? " " : "", n ? n : "");
        free(n);
        if (a->overlay == OV_ERROR)
            a->overlay = OV_NONE;
        after_change(a);
    }
    a->redraw = true;
}

static void event(App *a, const SDL_Event *e)
{
    if (a->room && e->type == a->tick_event) {
        if (!a->timer_on || SDL_GetTicks() > a->timer_end + 1000) { /* stop ticking */
            SDL_RemoveTimer(a->timer);
            a->timer = 0;
        }
        a->redraw = true;
        return;
    }
    if (a->watch && e->type == a->reload_event) {
        reload_story(a);
        return;
    }
    switch (e->type) {
    case SDL_QUIT:
        a->done = true;
        a->result = a->s ? 0 : 1;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            e->window.event == SDL_WINDOWEVENT_MOVED) {
            update_size(a);
            a->redraw = true;
        } else if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
            a->redraw = true;
        }
        break;
    case SDL_MOUSEMOTION: {
        int h = button_at(a, e->motion.x, e->motion.y);
        if (h != a->hover) {
            a->hover = h;
            a->redraw = true;
        }
        break;
    }
    case SDL_MOUSEBUTTONUP:
        if (e->button.button == SDL_BUTTON_LEFT) {
            int b = button_at(a, e->button.x, e->button.y);
            if (b >= 0)
                act(a, a->buttons[b].action, a->buttons[b].arg);
        }
        break;
    case SDL_MOUSEWHEEL:
        scroll_by(a, -e->wheel.y * draw_line_height(&a->d, ROLE_BODY) * 3);
        break;
    case SDL_KEYDOWN: key(a, &e->key); break;
    default: break;
    }
}

/* Draw when needed, otherwise sleep until the next event. */
static void run(App *a)
{
    a->done = false;
    a->redraw = true;
    while (!a->done) {
        if (a->redraw) {
            a->redraw = false;
            render(a);
            if (a->cfg->frames > 0 && !a->done)
                a->redraw = true; /* --frames: keep drawing */
            continue;
        }
        SDL_Event e;
        if (!SDL_WaitEvent(&e))
            break;
        event(a, &e);
        while (!a->done && SDL_PollEvent(&e)) /* take what queued up before drawing again */
            event(a, &e);
    }
}

/* ---------------------------------------------------------------- front end */

/* Put a warning from opening the window in front of the status line, once. */
static void take_warning(App *a)
{
    if (!a->warning)
        return;
    char *both = a->status ? xasprintf("%s\n%s", a->warning, a->status) : xstrdup(a->warning);
    free(a->status);
    a->status = both;
    free(a->warning);
    a->warning = NULL;
}

static int sdl_menu(const Catalog *c, const UiConfig *cfg, MenuPick *pick)
{
    Err err;
    App *a = open_app(cfg, &err);
    if (!a) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    a->cat = c;
    a->pick = pick;
    a->s = NULL;
    a->overlay = OV_NONE;
    a->hover = a->focus = -1;
    free(a->cont_path);
    free(a->cont_title);
    a->cont_path = a->cont_title = NULL;
    char *when = NULL;
    a->can_continue = ui_find_latest_autosave(c, &a->cont_path, &a->cont_title, &when);
    free(when);
    if (cfg->notice) {
        free(a->status);
        a->status = xstrdup(cfg->notice);
    }
    take_warning(a);
    a->result = 1;
    run(a);
    free_slots(a);
    if (cfg->screenshot || cfg->frames > 0)
        return 1;
    return a->result;
}

static int sdl_play(Session *s, const UiConfig *cfg)
{
    Err err;
    App *a = open_app(cfg, &err);
    if (!a) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    a->s = s;
    a->overlay = OV_NONE;
    a->hover = a->focus = -1;
    free(a->status);
    a->status = session_take_notice(s);
    const Story *st = session_story(s);
    if (!a->status && game_decision_count(session_game(s)) == 0 && st->content_note)
        a->status = xasprintf("**Content note:** %s", st->content_note);
    take_warning(a);
    build_history(a);
    after_change(a);
    a->result = 0;
    if (cfg->watch) {
        a->watch = watch_open(session_root(s)->path, &err);
        if (!a->watch) {
            fprintf(stderr, "ladder: --watch: %s\n", err.msg);
        } else {
            a->reload_event = SDL_RegisterEvents(1);
            SDL_AtomicSet(&a->stop_watching, 0);
            a->watcher = SDL_CreateThread(watcher, "watch", a);
        }
    }
    run(a);
    if (a->watcher) {
        SDL_AtomicSet(&a->stop_watching, 1);
        SDL_WaitThread(a->watcher, NULL);
        a->watcher = NULL;
    }
    watch_free(a->watch);
    a->watch = NULL;
    int rc = a->result;
    free_slots(a);
    free_history(a);
    a->s = NULL;
    return rc;
}

static int sdl_room(Room *r, const UiConfig *cfg)
{
    Err err;
    App *a = open_app(cfg, &err);
    if (!a) {
        fprintf(stderr, "ladder: %s\n", err.msg);
        return 1;
    }
    Settings saved = a->set;
    a->room = r;
    a->s = room_session(r);
    a->tick_event = SDL_RegisterEvents(1);
    memset(a->votes, 0, sizeof a->votes);
    /* projector-friendly: large type, fullscreen, numbers as asked */
    if (a->set.text_size < 28)
        a->set.text_size = 28;
    a->set.show_numbers = !cfg->hide_numbers;
    if (!cfg->screenshot && cfg->frames == 0 && !a->set.fullscreen) {
        a->set.fullscreen = true;
        SDL_Rect bounds; /* without a window manager, fullscreen keeps the window's corner */
        if (SDL_GetDisplayBounds(SDL_GetWindowDisplayIndex(a->win), &bounds) == 0)
            SDL_SetWindowPosition(a->win, bounds.x, bounds.y);
        SDL_SetWindowFullscreen(a->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    }
    update_size(a);
    a->overlay = OV_NONE;
    a->hover = a->focus = -1;
    free(a->status);
    a->status = cfg->timer > 0 ? xasprintf("*Press T to start %d seconds of discussion.*",
                                           cfg->timer)
                               : NULL;
    build_history(a);
    after_change(a);
    run(a);
    if (a->timer)
        SDL_RemoveTimer(a->timer);
    a->timer = 0;
    int rc = a->result;
    free_history(a);
    a->room = NULL;
    a->s = NULL;
    /* the room's size and fullscreen are not the player's settings */
    saved.w = a->set.w;
    saved.h = a->set.h;
    if (a->set.fullscreen && !saved.fullscreen)
        SDL_SetWindowFullscreen(a->win, 0);
    a->set = saved;
    return rc;
}

void ui_sdl_frame(UiSdlFrame *f)
{
    memset(f, 0, sizeof *f);
    if (!app)
        return;
    f->w = app->w;
    f->h = app->h;
    f->column_x = app->column.x;
    f->column_y = app->column.y;
    f->column_w = app->column.w;
    f->column_h = app->column.h;
    f->buttons = app->buttons;
    f->n_buttons = app->n_buttons;
    f->texts = app->d.drawn;
    f->n_texts = (int)app->d.n_drawn;
}

static void rect4(SDL_Rect r, int out[4])
{
    out[0] = r.x;
    out[1] = r.y;
    out[2] = r.w;
    out[3] = r.h;
}

void ui_sdl_frame_button(const UiSdlFrame *f, int i, int r[4])
{
    rect4(((const Button *)f->buttons)[i].r, r);
}

void ui_sdl_frame_text(const UiSdlFrame *f, int i, int r[4])
{
    rect4(((const SDL_Rect *)f->texts)[i], r);
}

const Frontend ui_sdl = {"sdl", sdl_play, sdl_menu, sdl_shutdown, sdl_room};
