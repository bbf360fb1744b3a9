/* scroll.c: the story pane's scroll bar and the cue for choices below the fold (issue 16, item
 * 4). The bar is 12 points wide and takes the mouse: drag its thumb, or click the track above
 * or below it to move a page. When the scene's choices start below the visible part of the
 * pane, a button at the pane's foot says how many there are ("3 choices below") and brings
 * them into view; at an ending, one says "The end, below" the same way (window review). */
#include <stdio.h>
#include <stdlib.h>

#include "ui/sdl/app.h"

void app_pane_scrollbar(App *a, SDL_Rect pane, int max_scroll)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    a->scroll_track = a->scroll_thumb = (SDL_Rect){0, 0, 0, 0};
    if (max_scroll <= 0 || a->content_h <= 0)
        return;
    int bw = draw_px(d, 12);
    SDL_Rect track = {pane.x + pane.w - bw - draw_px(d, 2), pane.y, bw, pane.h};
    int th = pane.h * pane.h / a->content_h;
    if (th < draw_px(d, 32))
        th = draw_px(d, 32);
    if (th > pane.h)
        th = pane.h;
    int ty = pane.y + (pane.h - th) * a->scroll / max_scroll;
    SDL_Rect thumb = {track.x + draw_px(d, 2), ty, bw - draw_px(d, 4), th};
    draw_fill(d, track, t->bar_bg);
    draw_fill(d, thumb, a->dragging ? t->accent : t->neutral);
    a->scroll_track = track;
    a->scroll_thumb = thumb;
}

void app_scrollbar_press(App *a, int y)
{
    SDL_Rect th = a->scroll_thumb;
    if (y >= th.y && y < th.y + th.h) { /* on the thumb: drag it */
        a->dragging = true;
        a->drag_y0 = y;
        a->drag_scroll0 = a->scroll;
    } else { /* on the track: a page towards the press */
        a->scroll += (y < th.y ? -1 : 1) * a->pane_h * 9 / 10;
    }
    a->redraw = true;
}

void app_scrollbar_drag(App *a, int y)
{
    int travel = a->scroll_track.h - a->scroll_thumb.h;
    int max_scroll = a->content_h - a->pane_h;
    if (!a->dragging || travel <= 0 || max_scroll <= 0)
        return;
    a->scroll = a->drag_scroll0 +
                (int)((long long)(y - a->drag_y0) * max_scroll / travel);
    a->redraw = true;
}

/* A cue button (text) centred at the pane's foot, taking action, on a band of the page's
 * colour from a little above it to the pane's foot, which fades in over a line's height above
 * that, so that the words behind the cue are hidden, not half covered (window review, item
 * 5). */
static void cue_button(App *a, SDL_Rect pane, const char *text, int action)
{
    Draw *d = &a->d;
    SDL_Color bg = d->theme->bg;
    int w = draw_label(d, ROLE_BODY, STYLE_BOLD, text, 0, 0, d->theme->text, false, NULL) +
            draw_px(d, 60);
    if (w > pane.w - draw_px(d, 40))
        w = pane.w - draw_px(d, 40);
    int h = app_button(a, 0, 0, w, NULL, text, ROLE_BODY, 0, 0, false);
    int y = pane.y + pane.h - h - draw_px(d, 12), solid = y - draw_px(d, 8);
    int fade = draw_line_height(d, ROLE_BODY);
    int right = a->scroll_track.w > 0 ? a->scroll_track.x : pane.x + pane.w; /* bar stays */
    for (int i = 0; i < fade; i++) {
        SDL_Color c = bg;
        c.a = (Uint8)(255 * (i + 1) / (fade + 1));
        draw_fill(d, (SDL_Rect){pane.x, solid - fade + i, right - pane.x, 1}, c);
    }
    draw_fill(d, (SDL_Rect){pane.x, solid, right - pane.x, pane.y + pane.h - solid}, bg);
    int k = a->n_buttons;
    app_button(a, pane.x + (pane.w - w) / 2, y, w, NULL, text, ROLE_BODY, action, 0, true);
    if (k < a->n_buttons)
        a->choices_cue = a->buttons[k].r;
}

void app_choices_cue(App *a, SDL_Rect pane, int first_choice_y, size_t n)
{
    a->choices_cue = (SDL_Rect){0, 0, 0, 0};
    int line = draw_line_height(&a->d, ROLE_BODY);
    if (n == 0 || first_choice_y + line < pane.y + pane.h)
        return; /* the first choice shows (its first line at least) */
    char text[64];
    snprintf(text, sizeof text, "\u2193  **%zu choice%s below**", n, n == 1 ? "" : "s");
    cue_button(a, pane, text, A_TO_CHOICES);
}

void app_ending_cue(App *a, SDL_Rect pane, int heading_y)
{
    int line = draw_line_height(&a->d, ROLE_HEADING);
    if (heading_y + line + draw_px(&a->d, 20) < pane.y + pane.h)
        return; /* the heading shows */
    cue_button(a, pane, "\u2193  **The end, below**", A_TO_ENDING);
}

size_t app_block_count(const App *a)
{
    return a->n_hist + 1 + (a->choices_top >= 0 ? 1 : 0);
}

int app_block_top(const App *a, size_t k)
{
    if (k < a->n_hist)
        return app_history_top(a, k);
    return k == a->n_hist ? a->current_top : a->choices_top;
}

size_t app_block_at(const App *a, int y)
{
    if (a->choices_top >= 0 && y >= a->choices_top)
        return a->n_hist + 1;
    if (y >= a->current_top)
        return a->n_hist;
    size_t k = app_history_at(a, y);
    return k < a->n_hist ? k : a->n_hist;
}

/* The end of block k: the next one's top, or the column's end. */
static int block_end(const App *a, size_t k)
{
    return k + 1 < app_block_count(a) ? app_block_top(a, k + 1) : a->content_h;
}

void app_anchor_view(App *a)
{
    if (!a->s || a->content_h <= 0 || a->scroll_to_current)
        return;
    a->anchored = true;
    int max_scroll = a->content_h - a->pane_h;
    a->anchor_bottom = max_scroll > 0 && a->scroll >= max_scroll - draw_px(&a->d, 4);
    size_t k = app_block_at(a, a->scroll);
    int top = app_block_top(a, k), h = block_end(a, k) - top;
    a->anchor_block = k;
    a->anchor_frac = h > 0 ? (double)(a->scroll - top) / (double)h : 0;
}

void app_apply_anchor(App *a)
{
    if (!a->anchored)
        return;
    a->anchored = false;
    if (a->scroll_to_current)
        return;
    if (a->anchor_bottom) {
        a->scroll = a->content_h - a->pane_h;
        return;
    }
    size_t k = a->anchor_block;
    if (k >= app_block_count(a))
        return;
    int top = app_block_top(a, k), h = block_end(a, k) - top;
    a->scroll = top + (int)(a->anchor_frac * (double)h);
}
