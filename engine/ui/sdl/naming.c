/* naming.c: the window's name entry screen, shown while the Screen asks for the player's name
 * (Screen.ask_name, a story with ask_name = true): the name is typed (SDL text input), Enter or
 * the Begin button gives it to the session (session_set_player). */
#include <stdlib.h>
#include <string.h>

#include "ui/sdl/app.h"

void app_name_screen(App *a)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *sc = a->screen;
    int bh = draw_px(d, 52);
    draw_fill(d, (SDL_Rect){0, 0, a->w, bh}, t->panel);
    draw_label(d, ROLE_BODY, STYLE_BOLD, sc->title, draw_px(d, 20),
               (bh - draw_line_height(d, ROLE_BODY)) / 2, t->text, true, NULL);
    int w = a->w - 2 * draw_px(d, 40);
    if (w > draw_px(d, 560))
        w = draw_px(d, 560);
    int x = (a->w - w) / 2, y = bh + draw_px(d, 60);
    draw_label(d, ROLE_HEADING, STYLE_BOLD, "What is your name?", x, y, t->text, true, NULL);
    y += draw_line_height(d, ROLE_HEADING) + draw_px(d, 20);
    int lh = draw_line_height(d, ROLE_BODY), pad = draw_px(d, 10);
    SDL_Rect box = {x, y, w, lh + 2 * pad};
    draw_fill(d, box, t->panel);
    draw_frame(d, box, t->accent, draw_px(d, 2));
    int tw = draw_label(d, ROLE_BODY, STYLE_REGULAR, a->name_entry, x + pad, y + pad, t->text,
                        true, NULL);
    /* the caret after the text */
    draw_fill(d, (SDL_Rect){x + pad + tw + draw_px(d, 2), y + pad, draw_px(d, 2), lh}, t->text);
    y += box.h + draw_px(d, 10);
    draw_label(d, ROLE_SMALL, STYLE_ITALIC, "The story calls you by it. Enter to begin.", x, y,
               t->dim, true, NULL);
    y += draw_line_height(d, ROLE_SMALL) + draw_px(d, 20);
    /* Begin always in its place (the review, item 8: shown only after typing, it moved the
     * layout), in dim type and doing nothing while the box is empty; what follows (a refused
     * name, the story's content note) a line of space under it */
    int bw = draw_px(d, 180);
    y += app_button(a, x, y, bw, NULL, "Begin", ROLE_BODY, a->name_entry[0] ? A_NAME : A_NONE, 0,
                    true);
    if (a->status)
        draw_text(d, ROLE_SMALL, a->status, x, y + draw_line_height(d, ROLE_SMALL), w, t->bad,
                  true);
}

void app_name_text(App *a, const char *text)
{
    size_t have = strlen(a->name_entry), add = strlen(text);
    if (have + add > SESSION_MAX_NAME)
        return; /* the box is full: as a field with a maximum length */
    memcpy(a->name_entry + have, text, add + 1);
    a->redraw = true;
}

bool app_name_key(App *a, const SDL_KeyboardEvent *k)
{
    switch (k->keysym.sym) {
    case SDLK_BACKSPACE: {
        size_t n = strlen(a->name_entry);
        while (n > 0 && ((unsigned char)a->name_entry[n - 1] & 0xC0) == 0x80)
            n--; /* continuation bytes of the last character */
        if (n > 0)
            n--;
        a->name_entry[n] = '\0';
        a->redraw = true;
        return true;
    }
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        app_act(a, A_NAME, 0);
        return true;
    case SDLK_ESCAPE:
    case SDLK_F11:
    case SDLK_TAB:
    case SDLK_UP:
    case SDLK_DOWN:
        return false; /* the menu, fullscreen and focus work as everywhere */
    default:
        return true; /* typed keys arrive as text (app_name_text), not as shortcuts */
    }
}

void app_name_take(App *a)
{
    Err err;
    if (!a->name_entry[0])
        return;
    if (session_set_player(a->s, a->name_entry, &err) != 0) {
        app_set_status(a, "%s", err.msg);
        return;
    }
    a->name_entry[0] = '\0';
    app_after_change(a);
    free(a->status);
    a->status = a->screen->notice ? xstrdup(a->screen->notice) : NULL;
}
