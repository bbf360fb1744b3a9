/* overlays.c: panels over the dimmed screen: the menu, settings, save and load slots, the
 * room's timeline and tie-break, and script errors. Only an open overlay's buttons act. */
#include <stdio.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

/* A centred panel over the dimmed screen; returns the inner rect for its content. */
static SDL_Rect overlay_panel(App *a, const char *title, int inner_h)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    draw_fill(d, (SDL_Rect){0, 0, a->w, a->h}, t->shade);
    int w = a->w - 2 * draw_px(d, 24);
    if (w > draw_px(d, 560))
        w = draw_px(d, 560);
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

static void list_overlay(App *a, const char *title, const Item *items, size_t n)
{
    Draw *d = &a->d;
    int total = 0, gap = draw_px(d, 8);
    int w = a->w - 2 * draw_px(d, 24);
    if (w > draw_px(d, 560))
        w = draw_px(d, 560);
    w -= draw_px(d, 48);
    for (size_t i = 0; i < n; i++)
        total += app_button(a, 0, 0, w, NULL, items[i].text, ROLE_BODY, 0, 0, false) + gap;
    SDL_Rect in = overlay_panel(a, title, total);
    int y = in.y;
    for (size_t i = 0; i < n; i++)
        y += app_button(a, in.x, y, in.w, NULL, items[i].text, ROLE_BODY, items[i].action,
                    items[i].arg, true) +
             gap;
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
    list_overlay(a, n ? "Rewind to before decision..." : "No decisions yet", items, n + 1);
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
    int w = a->w - 2 * draw_px(d, 24);
    if (w > draw_px(d, 560))
        w = draw_px(d, 560);
    w -= draw_px(d, 48);
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

void app_draw_overlay(App *a)
{
    switch (a->overlay) {
    case OV_MENU: menu_overlay(a); break;
    case OV_SETTINGS: settings_overlay(a); break;
    case OV_SLOTS: slots_overlay(a); break;
    case OV_ERROR: error_overlay(a); break;
    case OV_TIMELINE: timeline_overlay(a); break;
    case OV_TIE: tie_overlay(a); break;
    case OV_NONE: break;
    }
}
