/* overlays.c: panels over the dimmed screen: the menu, settings, save and load slots, the
 * room's timeline and tie-break, script errors, and the text panels (the keys, the stats
 * explained, the endings gallery). Only an open overlay's buttons act. A list
 * that does not fit the window scrolls, keeping the focused item in view. */
#include <stdio.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

/* The width of a panel: 560 points, or 24 characters' worth of larger type, within the
 * window. */
static int panel_width(App *a)
{
    Draw *d = &a->d;
    int w = a->w - 2 * draw_px(d, 24), most = a->set.text_size * 24;
    if (w > draw_px(d, most > 560 ? most : 560))
        w = draw_px(d, most > 560 ? most : 560);
    return w;
}

/* A centred panel over the dimmed screen; returns the inner rect for its content. */
static SDL_Rect overlay_panel(App *a, const char *title, int inner_h)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    draw_fill(d, (SDL_Rect){0, 0, a->w, a->h}, t->shade);
    int w = panel_width(a);
    int hh = draw_line_height(d, ROLE_HEADING);
    int h = inner_h + hh + draw_px(d, 56);
    if (h > a->h - draw_px(d, 24))
        h = a->h - draw_px(d, 24);
    SDL_Rect r = {(a->w - w) / 2, (a->h - h) / 2, w, h};
    draw_fill(d, r, t->bg);
    draw_frame(d, r, t->accent, draw_px(d, 2));
    draw_label(d, ROLE_HEADING, STYLE_BOLD, title, r.x + draw_px(d, 24), r.y + draw_px(d, 16),
               t->text, true, NULL);
    return (SDL_Rect){r.x + draw_px(d, 24), r.y + draw_px(d, 24) + hh, w - draw_px(d, 48),
                      h - hh - draw_px(d, 48)};
}

typedef struct Item {
    const char *text;
    int action, arg;
} Item;

/* Keep the list's scroll in range and, when the focus moved to one of the n scrolling items
 * (tops and heights in top[] and h[], the list total tall) since the last frame, scroll it into
 * view; when the wheel scrolled the focused item away instead, move the focus to the nearest
 * item in view, so that Return never takes one nobody sees. */
static void follow_focus(App *a, const int *top, const int *h, size_t n, int total, int view_h)
{
    int f = a->focus;
    bool moved = f != a->list_focus, listed = f >= 0 && (size_t)f < n;
    if (moved && listed) {
        if (top[f] + h[f] > a->list_scroll + view_h)
            a->list_scroll = top[f] + h[f] - view_h;
        if (top[f] < a->list_scroll)
            a->list_scroll = top[f];
    }
    if (a->list_scroll > total - view_h)
        a->list_scroll = total - view_h;
    if (a->list_scroll < 0)
        a->list_scroll = 0;
    int lo = a->list_scroll, hi = a->list_scroll + view_h;
    if (!moved && listed && (top[f] < lo || top[f] + h[f] > hi)) {
        int near = -1; /* the item in view nearest the focus */
        for (size_t i = 0; i < n; i++)
            if (top[i] >= lo && top[i] + h[i] <= hi && (near < 0 || top[i] < top[f]))
                near = (int)i;
        if (near >= 0)
            a->focus = near;
    }
    a->list_focus = a->focus;
}

/* Lay out items first..n-1 as a column of buttons w wide: tops (from 0) and heights in top[]
 * and h[]; returns the column's height, gaps included. */
static int measure_items(App *a, const Item *items, size_t first, size_t n, int w, int *top,
                         int *h)
{
    int y = 0, gap = draw_px(&a->d, 8);
    for (size_t i = first; i < n; i++) {
        h[i] = app_button(a, 0, 0, w, NULL, items[i].text, ROLE_BODY, 0, 0, false);
        top[i] = y;
        y += h[i] + gap;
    }
    return y;
}

/* A panel of buttons, one per item. The last `pinned` items (Cancel, Done) stay at the panel's
 * foot; the others scroll when the panel does not fit the window, following the keyboard's
 * focus (and the wheel, events.c), with a scroll bar. A button scrolled out of view keeps its
 * place in the focus order but takes no click (its rectangle is cut to what is visible). */
static void list_overlay(App *a, const char *title, const Item *items, size_t n, size_t pinned)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int gap = draw_px(d, 8), bar = draw_px(d, 6);
    int w = panel_width(a) - draw_px(d, 48);
    int *h = xcalloc(n + 1, sizeof *h), *top = xcalloc(n + 1, sizeof *top);
    if (pinned > n)
        pinned = n;
    int list = measure_items(a, items, 0, n - pinned, w, top, h);
    int foot = measure_items(a, items, n - pinned, n, w, top, h);
    SDL_Rect in = overlay_panel(a, title, list + foot);
    if (foot > in.h / 2) { /* a window too small for a foot: everything scrolls */
        pinned = 0;
        foot = 0;
        list = measure_items(a, items, 0, n, w, top, h);
    }
    int view_h = in.h - foot;
    SDL_Rect view = {in.x, in.y, in.w, view_h - (pinned ? gap : 0)};
    bool scrolls = list - gap > view.h;
    int bw = in.w;
    if (scrolls) { /* room for the scroll bar */
        bw = in.w - bar - gap;
        list = measure_items(a, items, 0, n - pinned, bw, top, h);
    }
    if (a->list_for != a->overlay) { /* newly opened: from the top */
        a->list_for = a->overlay;
        a->list_scroll = 0;
        a->list_focus = -2;
    }
    follow_focus(a, top, h, n - pinned, list - gap, view.h);
    a->list_view = view;
    SDL_RenderSetClipRect(d->r, &view);
    for (size_t i = 0; i < n - pinned; i++) {
        int k = a->n_buttons;
        app_button(a, in.x, in.y + top[i] - a->list_scroll, bw, NULL, items[i].text, ROLE_BODY,
                   items[i].action, items[i].arg, true);
        if (k < a->n_buttons) { /* only what shows takes a click */
            SDL_Rect r = a->buttons[k].r, vis;
            if (!SDL_IntersectRect(&r, &view, &vis))
                vis = (SDL_Rect){r.x, r.y < view.y ? view.y : view.y + view.h, r.w, 0};
            a->buttons[k].r = vis;
        }
    }
    SDL_RenderSetClipRect(d->r, NULL);
    if (scrolls) { /* the scroll bar: where the view is in the list */
        int max = list - gap - view.h, th = view.h * view.h / (list - gap), ty = view.y;
        if (th < draw_px(d, 24))
            th = draw_px(d, 24);
        if (max > 0)
            ty += (view.h - th) * a->list_scroll / max;
        draw_fill(d, (SDL_Rect){in.x + in.w - bar, view.y, bar, view.h}, t->bar_bg);
        draw_fill(d, (SDL_Rect){in.x + in.w - bar, ty, bar, th}, t->accent);
        if (pinned)
            draw_fill(d, (SDL_Rect){in.x, view.y + view.h + gap / 2, in.w, draw_px(d, 1)},
                      t->button_border);
    }
    int y = in.y + view_h;
    for (size_t i = n - pinned; i < n; i++)
        y += app_button(a, in.x, y, in.w, NULL, items[i].text, ROLE_BODY, items[i].action,
                        items[i].arg, true) +
             gap;
    free(h);
    free(top);
}

static void timeline_overlay(App *a)
{
    const Screen *sc = a->screen;
    size_t n = sc->n_decisions;
    Item *items = xcalloc(n + 1, sizeof *items);
    char **texts = xcalloc(n + 1, sizeof *texts);
    for (size_t i = 0; i < n; i++) {
        texts[i] = xasprintf("**%zu.** %s", sc->decisions[i].number, sc->decisions[i].text);
        items[i] = (Item){texts[i], A_REWIND, (int)i + 1};
    }
    items[n] = (Item){"Cancel", A_CLOSE, 0};
    list_overlay(a, n ? "Rewind to before decision..." : "No decisions yet", items, n + 1, 1);
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
    free(items);
}

static void tie_overlay(App *a)
{
    const Screen *sc = a->screen;
    size_t n = sc->n_available, ties;
    size_t best = room_winner(a->votes, n, &ties);
    Item *items = xcalloc(n + 1, sizeof *items);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (a->votes[i] == a->votes[best])
            items[k++] = (Item){sc->choices[i].text.text, A_PICK, (int)i};
    items[k++] = (Item){"Back to the vote", A_CLOSE, 0};
    list_overlay(a, "A tie: the facilitator decides", items, k, 1);
    free(items);
}

static void menu_overlay(App *a)
{
    if (a->room) {
        Item items[] = {{"Back to the room", A_RESUME, 0},
                        {"Rewind to an earlier decision", A_TIMELINE, 0},
                        {"Settings", A_SETTINGS, 0},
                        {"End the session (the debrief is written)", A_END_ROOM, 0}};
        list_overlay(a, "Menu", items, sizeof items / sizeof *items, 0);
        return;
    }
    /* nothing to take back before the first decision of the first chapter: shown, not active */
    const Screen *sc = a->screen;
    bool none = sc->n_decisions == 0 && !(sc->campaign && sc->campaign->chapter > 1);
    const char *undo = none ? "Take back the last decision *(none yet)*"
                            : "Take back the last decision";
    Item items[] = {{"Back to the story", A_RESUME, 0},
                    {"Save the game", A_SAVE_MENU, 0},
                    {"Load a game", A_LOAD_MENU, 0},
                    {undo, none ? A_NONE : A_UNDO, 0},
                    {"Settings", A_SETTINGS, 0},
                    {"Stats explained (S)", A_STATS_INFO, 0},
                    {"Endings (E)", A_ENDINGS, 0},
                    {"Keys (F1)", A_HELP, 0},
                    {"Back to the title screen", A_TO_TITLE, 0}, {"Quit Ladder", A_QUIT, 0}};
    list_overlay(a, "Menu", items, sizeof items / sizeof *items, 0);
}

static void settings_overlay(App *a)
{
    static const char *const theme_names[] = {"light", "dark", "high contrast"};
    char size[64], smaller[64], theme[64], fs[64], num[64];
    snprintf(size, sizeof size, "Larger text (now %d)", a->set.text_size);
    snprintf(smaller, sizeof smaller, "Smaller text (now %d)", a->set.text_size);
    snprintf(theme, sizeof theme, "Theme: %s", theme_names[a->set.theme % 3]);
    snprintf(fs, sizeof fs, "Fullscreen: %s", a->set.fullscreen ? "on" : "off");
    snprintf(num, sizeof num, "Stat numbers: %s", a->set.show_numbers ? "shown" : "hidden");
    Item items[] = {{size, A_BIGGER, 0},         {smaller, A_SMALLER, 0},
                    {theme, A_THEME, 0},          {fs, A_FULLSCREEN, 0},
                    {num, A_NUMBERS, 0},          {"Done", A_CLOSE, 0}};
    list_overlay(a, "Settings", items, sizeof items / sizeof *items, 1);
}

static void slots_overlay(App *a)
{
    Item *items = xcalloc(a->n_slots + 1, sizeof *items);
    for (size_t i = 0; i < a->n_slots; i++)
        items[i] = (Item){a->slots[i].label, A_SLOT, (int)i};
    items[a->n_slots] = (Item){"Cancel", A_CLOSE, 0};
    list_overlay(a, a->saving ? "Save to a slot" : (a->n_slots ? "Load a game" : "No saves yet"),
                 items, a->n_slots + 1, 1);
    free(items);
}

static void error_overlay(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int w = panel_width(a) - draw_px(d, 48);
    const char *intro = "The story's script failed. The game is back where it was before.";
    int h = draw_text(d, ROLE_BODY, intro, 0, 0, w, t->text, false) + draw_px(d, 12) +
            draw_text(d, ROLE_SMALL, a->error, 0, 0, w, t->bad, false) + draw_px(d, 20) +
            app_button(a, 0, 0, w, NULL, "OK", ROLE_BODY, 0, 0, false) * 2 + draw_px(d, 8);
    SDL_Rect in = overlay_panel(a, "Something went wrong", h);
    int y = in.y;
    y += draw_text(d, ROLE_BODY, intro, in.x, y, in.w, t->text, true) + draw_px(d, 12);
    y += draw_text(d, ROLE_SMALL, a->error, in.x, y, in.w, t->bad, true) + draw_px(d, 20);
    if (a->s)
        y += app_button(a, in.x, y, in.w, NULL, "Back to the story", ROLE_BODY, A_CLOSE, 0, true) +
             draw_px(d, 8);
    app_button(a, in.x, y, in.w, NULL, a->s ? "Back to the title screen" : "OK", ROLE_BODY,
           a->s ? A_TO_TITLE : A_CLOSE, 0, true);
}

/* The confirmation (app_confirm): the question, what it means, then the "yes" button and
 * Cancel. */
static void confirm_overlay(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int w = panel_width(a) - draw_px(d, 48), gap = draw_px(d, 8);
    int h = draw_text(d, ROLE_BODY, a->confirm_text, 0, 0, w, t->text, false) + draw_px(d, 16) +
            app_button(a, 0, 0, w, NULL, a->confirm_yes, ROLE_BODY, 0, 0, false) + gap +
            app_button(a, 0, 0, w, NULL, "Cancel", ROLE_BODY, 0, 0, false);
    SDL_Rect in = overlay_panel(a, a->confirm_title, h);
    int y = in.y;
    y += draw_text(d, ROLE_BODY, a->confirm_text, in.x, y, in.w, t->text, true) + draw_px(d, 16);
    y += app_button(a, in.x, y, in.w, NULL, a->confirm_yes, ROLE_BODY, A_CONFIRM, 0, true) + gap;
    app_button(a, in.x, y, in.w, NULL, "Cancel", ROLE_BODY, A_CLOSE, 0, true);
}

/* A panel of text (markup) under title that scrolls when it does not fit (the wheel, Page Up
 * and Down), with a scroll bar, and Close at its foot. */
static void text_overlay(App *a, const char *title, const char *text)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int w = panel_width(a) - draw_px(d, 48), gap = draw_px(d, 12);
    int th = draw_text(d, ROLE_BODY, text, 0, 0, w, t->text, false);
    int bh = app_button(a, 0, 0, w, NULL, "Close", ROLE_BODY, 0, 0, false);
    SDL_Rect in = overlay_panel(a, title, th + gap + bh);
    SDL_Rect view = {in.x, in.y, in.w, in.h - bh - gap};
    if (a->list_for != a->overlay) { /* newly opened: from the top */
        a->list_for = a->overlay;
        a->list_scroll = 0;
    }
    if (a->list_scroll > th - view.h)
        a->list_scroll = th - view.h;
    if (a->list_scroll < 0)
        a->list_scroll = 0;
    SDL_RenderSetClipRect(d->r, &view);
    draw_text(d, ROLE_BODY, text, in.x, in.y - a->list_scroll, w, t->text, true);
    SDL_RenderSetClipRect(d->r, NULL);
    if (th > view.h) { /* more below or above: a scroll bar */
        int bar = draw_px(d, 6), tl = view.h * view.h / th;
        int ty = view.y + (view.h - tl) * a->list_scroll / (th - view.h);
        draw_fill(d, (SDL_Rect){in.x + in.w + draw_px(d, 8), view.y, bar, view.h}, t->bar_bg);
        draw_fill(d, (SDL_Rect){in.x + in.w + draw_px(d, 8), ty, bar, tl}, t->accent);
    }
    app_button(a, in.x, in.y + in.h - bh, in.w, NULL, "Close", ROLE_BODY, A_CLOSE, 0, true);
    free(a->overlay_text);
    a->overlay_text = xstrdup(text);
}

/* The keys (F1 or ?): a text that scrolls when it does not fit, and Close. */
static void help_overlay(App *a)
{
    Buf b = {0};
    /* the room's keys only in a room (window review, item 11) */
    buf_puts(&b, a->room ? "**1** to **9**: a vote for that choice; with **Shift**, take the "
                           "vote back\n"
                         : "**1** to **9**: take that choice\n");
    buf_puts(&b, "**Tab**, **Up**, **Down**: move between buttons; **Return** or **Space**: press\n"
                 "**Esc**: open the menu (save, load, settings, quit); in a dialog, close it\n"
                 "**Ctrl+Z**: take back the last decision\n"
                 "**Ctrl+Plus**, **Ctrl+Minus**: larger or smaller text\n"
                 "**Page Up**, **Page Down**, **Home**, **End**, the wheel: scroll (in a "
                 "dialog: move a page, to the first or the last item)\n"
                 "**Ctrl+C**: copy the scene's text (or an error)\n"
                 "**F11**: fullscreen\n"
                 "**S**: the stats explained; **E**: the story's endings\n"
                 "**F1** or **?**: these keys");
    if (a->room)
        buf_puts(&b, "\n**T**: start the discussion timer\n**R**: rewind to an earlier decision\n"
                     "**Return**: take the room's choice");
    text_overlay(a, "Keys", buf_str(&b));
    buf_free(&b);
}

/* The stats explained (S) and the endings gallery (E): their texts come from explain.c. */
static void explain_overlay(App *a)
{
    char *text = a->overlay == OV_STATS ? app_stats_text(a) : app_endings_text(a);
    text_overlay(a, a->overlay == OV_STATS ? "Stats explained" : "Endings", text);
    free(text);
}

void app_draw_overlay(App *a)
{
    a->list_view = (SDL_Rect){0, 0, 0, 0};
    free(a->overlay_text);
    a->overlay_text = NULL;
    if (a->overlay == OV_NONE)
        a->list_for = OV_NONE;
    switch (a->overlay) {
    case OV_MENU: menu_overlay(a); break;
    case OV_SETTINGS: settings_overlay(a); break;
    case OV_SLOTS: slots_overlay(a); break;
    case OV_ERROR: error_overlay(a); break;
    case OV_TIMELINE: timeline_overlay(a); break;
    case OV_TIE: tie_overlay(a); break;
    case OV_CONFIRM: confirm_overlay(a); break;
    case OV_HELP: help_overlay(a); break;
    case OV_STATS:
    case OV_ENDINGS: explain_overlay(a); break;
    case OV_NONE: break;
    }
}
