/* widgets.c: the window's buttons and its status line and error panel. */
#include <SDL.h>
#include <stdarg.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

void app_set_status(App *a, const char *fmt, ...)
{
    free(a->status);
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    a->status = buf_take(&b);
}

static SDL_atomic_t toast_type; /* the timer's event (static: a timer may outlive the App) */

static Uint32 toast_due(Uint32 interval, void *data)
{
    (void)interval;
    (void)data;
    SDL_Event e = {.type = (Uint32)SDL_AtomicGet(&toast_type)};
    SDL_PushEvent(&e);
    return 0; /* once */
}

void app_toast(App *a, const char *fmt, ...)
{
    free(a->toast);
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    a->toast = buf_take(&b);
    a->toast_until = SDL_GetTicks() + TOAST_MS;
    if (!a->toast_event) {
        a->toast_event = SDL_RegisterEvents(1);
        SDL_AtomicSet(&toast_type, (int)a->toast_event);
    }
    SDL_AddTimer(TOAST_MS + 50, toast_due, NULL);
    a->redraw = true;
}

void app_draw_toast(App *a)
{
    a->toast_box = (SDL_Rect){0, 0, 0, 0};
    if (!a->toast)
        return;
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int pad = draw_px(d, 14), most = a->w - 2 * draw_px(d, 24);
    int lw = draw_label(d, ROLE_BODY, STYLE_REGULAR, a->toast, 0, 0, t->bg, false, NULL);
    int w = lw + 2 * pad > most ? most : lw + 2 * pad;
    int th = draw_text(d, ROLE_BODY, a->toast, 0, 0, w - 2 * pad, t->bg, false);
    SDL_Rect r = {(a->w - w) / 2, draw_px(d, 64), w, th + 2 * pad};
    if (a->column.h > 0) /* in a game: at the story pane's top, clear of the stats */
        r = (SDL_Rect){a->column.x + (a->column.w - w) / 2, a->column.y + pad, w, r.h};
    draw_fill(d, r, t->text); /* the page's colours inverted: the body text's contrast */
    draw_frame(d, r, t->accent, draw_px(d, 2));
    draw_text(d, ROLE_BODY, a->toast, r.x + pad, r.y + pad, w - 2 * pad, t->bg, true);
    a->toast_box = r;
}

void app_show_error(App *a, const char *msg)
{
    free(a->error);
    a->error = xstrdup(msg);
    a->overlay = OV_ERROR;
    a->focus = 0;
}

void app_confirm(App *a, const char *title, const char *text, const char *yes, int action,
                 int arg)
{
    free(a->confirm_title);
    free(a->confirm_text);
    free(a->confirm_yes);
    a->confirm_title = xstrdup(title);
    a->confirm_text = xstrdup(text);
    a->confirm_yes = xstrdup(yes);
    a->confirm_action = action;
    a->confirm_arg = arg;
    a->confirm_back = a->overlay;
    a->confirm_back_focus = a->focus;
    a->overlay = OV_CONFIRM;
    a->focus = 1; /* Cancel: Return twice does not overwrite or quit */
}

void app_add_button(App *a, SDL_Rect r, int action, int arg)
{
    if (a->n_buttons < MAX_BUTTONS)
        a->buttons[a->n_buttons++] = (Button){r, action, arg, A_NONE};
}

/* Add a button at r and draw its box: filled when the pointer is on it, a thick accent frame
 * when it has the keyboard's focus; one that does nothing now (A_NONE) unfilled, its border
 * dashed. */
void app_button_box(App *a, SDL_Rect r, int action, int arg)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int idx = a->n_buttons;
    app_add_button(a, r, action, arg);
    if (action == A_NONE) { /* does nothing now: no fill, a dashed border (not colour alone) */
        draw_fill(d, r, t->bg);
        draw_dashed_frame(d, r, t->dim, draw_px(d, 1));
        return;
    }
    bool hot = !a->inactive && a->hover == idx, focused = !a->inactive && a->focus == idx;
    draw_fill(d, r, hot ? t->button_hover : t->button);
    draw_frame(d, r, focused ? t->accent : t->button_border,
               focused ? draw_px(d, 3) : draw_px(d, 1));
}

/* A button with wrapped text; returns its height. Registers it when render is true. The text
 * keeps 8 points more on the right than the padding, for the ink past a line's advance (an
 * italic's overhang): the review saw summaries touch the card's border at 1000 px and more. */
int app_button(App *a, int x, int y, int w, const char *badge, const char *text, TextRole role,
               int action, int arg, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int pad = draw_px(d, 12), bw = badge ? draw_px(d, 34) : 0;
    int tw = w - 2 * pad - bw - draw_px(d, 8);
    int th = draw_text(d, role, text, 0, 0, tw, t->button_text, false);
    int h = th + 2 * pad;
    if (!render)
        return h;
    SDL_Rect r = {x, y, w, h};
    app_button_box(a, r, action, arg);
    if (badge)
        draw_label(d, role, STYLE_BOLD, badge, x + pad, y + pad, t->accent, true, NULL);
    /* a button that does nothing now (A_NONE: "Take back" before any decision) in dim type */
    draw_text(d, role, text, x + pad + bw, y + pad, tw, action == A_NONE ? t->dim : t->button_text,
              true);
    return h;
}

/* A square button with a centred one-line label. */
void app_small_button(App *a, SDL_Rect r, const char *label, int action, int arg)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    app_button_box(a, r, action, arg);
    int lh, lw = draw_label(d, ROLE_HEADING, STYLE_BOLD, label, 0, 0, t->button_text, false, &lh);
    draw_label(d, ROLE_HEADING, STYLE_BOLD, label, r.x + (r.w - lw) / 2, r.y + (r.h - lh) / 2,
               t->button_text, true, NULL);
}
