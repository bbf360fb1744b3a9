/* topbar.c: the bar at the top of the game screen: the story's title on the left (cut with an
 * ellipsis before it reaches anything on its right), and on the right the chapter (left out
 * when there is no room), the room's countdown in a narrow window, and the Menu button, which
 * a mouse-only player needs to reach saving, loading, the settings and quitting (issue 16,
 * items 1 and 6). */
#include <stdio.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

/* The room's countdown in the bar, its right edge at end; returns where it begins. */
static int bar_clock(App *a, int end, int bh)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    Uint32 now = SDL_GetTicks();
    int secs = now >= a->timer_end ? 0 : (int)((a->timer_end - now + 999) / 1000);
    char text[64];
    if (secs > 0)
        snprintf(text, sizeof text, "%d:%02d", secs / 60, secs % 60);
    else
        snprintf(text, sizeof text, "Time is up");
    int ch, cw = draw_label(d, ROLE_HEADING, STYLE_BOLD, text, 0, 0, t->text, false, &ch);
    int pad = draw_px(d, 10);
    end -= cw + 2 * pad + draw_px(d, 16);
    SDL_Rect r = {end, 0, cw + 2 * pad, bh - draw_px(d, 1)};
    if (secs == 0) /* the alert: the page's colour on red, not the colour alone */
        draw_fill(d, r, t->bad);
    draw_label(d, ROLE_HEADING, STYLE_BOLD, text, end + pad, (bh - ch) / 2, secs ? t->text : t->bg,
               true, NULL);
    a->clock = r;
    a->clock_digits = (SDL_Rect){end + pad, (bh - ch) / 2, cw, ch};
    a->clock_label = secs ? "Discussion" : "Time is up";
    return end;
}

/* The Menu button ("Menu", and the key in dim type), its right edge at end; returns where it
 * begins. */
static int menu_button(App *a, int end, int bh)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int pad = draw_px(d, 12), gap = draw_px(d, 8), sh;
    int mw = draw_label(d, ROLE_SMALL, STYLE_BOLD, "Menu", 0, 0, t->button_text, false, &sh);
    int kw = draw_label(d, ROLE_SMALL, STYLE_REGULAR, "Esc", 0, 0, t->dim, false, NULL);
    int h = sh + draw_px(d, 10);
    if (h > bh - draw_px(d, 8))
        h = bh - draw_px(d, 8);
    SDL_Rect r = {end - (mw + gap + kw + 2 * pad), (bh - h) / 2, mw + gap + kw + 2 * pad, h};
    app_button_box(a, r, A_MENU, 0);
    draw_label(d, ROLE_SMALL, STYLE_BOLD, "Menu", r.x + pad, r.y + (h - sh) / 2, t->button_text,
               true, NULL);
    draw_label(d, ROLE_SMALL, STYLE_REGULAR, "Esc", r.x + pad + mw + gap, r.y + (h - sh) / 2,
               t->dim, true, NULL);
    return r.x;
}

void app_top_bar(App *a, const char *left, const char *right, bool clock)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int bh = draw_px(d, 52), margin = draw_px(d, 20), space = draw_px(d, 24);
    draw_fill(d, (SDL_Rect){0, 0, a->w, bh}, t->panel);
    draw_fill(d, (SDL_Rect){0, bh - draw_px(d, 1), a->w, draw_px(d, 1)}, t->button_border);
    int y = (bh - draw_line_height(d, ROLE_BODY)) / 2;
    int end = a->w - margin; /* where the things on the right begin */
    if (a->s)
        end = menu_button(a, end, bh);
    if (clock && a->room && a->timer_on)
        end = bar_clock(a, end, bh);
    int room = end - space - margin; /* for the title and the chapter */
    int lw = draw_label(d, ROLE_BODY, STYLE_BOLD, left, 0, 0, t->text, false, NULL);
    if (right && *right) {
        int rw = draw_label(d, ROLE_BODY, STYLE_ITALIC, right, 0, 0, t->dim, false, NULL);
        if (lw + space + rw <= room) {
            draw_label(d, ROLE_BODY, STYLE_ITALIC, right, end - space - rw, y, t->dim, true, NULL);
            room -= rw + space;
        }
    }
    char *title = draw_ellipsize(d, ROLE_BODY, STYLE_BOLD, left, room);
    draw_label(d, ROLE_BODY, STYLE_BOLD, title, margin, y, t->text, true, NULL);
    free(title);
}
