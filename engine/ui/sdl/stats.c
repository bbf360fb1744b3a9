/* stats.c: the stat panel: each stat's label, which way is good, its value and the change of
 * the last decision, and its bar with the part that moved. Nothing here rests on colour alone
 * (issue 16, items 8 and 10): a change is a figure with its sign, or, with the numbers hidden,
 * one to three arrows pointing the way the stat moved, filled when the change is good and
 * hollow when it is bad; the moved part of a bar is outlined in the text colour; a stat where
 * less is better says so in words. The good and bad colours are a blue and a vermilion, told
 * apart under deuteranopia, on a bar drawn in the theme's neutral colour
 * (tests/render/test_look_render.c checks both with a simulation). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/sdl/app.h"

/* How many arrows a change of d earns with the numbers hidden: 1 up to 5, 2 up to 10, 3 past
 * 10 (the scale the stories' effects use: 5 a nudge, 10 a blow, 15 and more a turning point). */
int app_change_arrows(int d)
{
    int m = d < 0 ? -d : d;
    return m == 0 ? 0 : m <= 5 ? 1 : m <= 10 ? 2 : 3;
}

/* One triangle s px wide with its tip up (up) or down, its box at x, y: filled, or only its
 * outline (2 px). */
static void triangle(Draw *d, int x, int y, int s, bool up, bool filled, SDL_Color c)
{
    float l = (float)x, r = (float)(x + s), mid = (float)x + (float)s / 2.0f;
    float top = (float)y, bot = (float)(y + s);
    SDL_FPoint p[3] = {{l, up ? bot : top}, {r, up ? bot : top}, {mid, up ? top : bot}};
    if (filled) {
        SDL_Vertex v[3];
        for (int i = 0; i < 3; i++)
            v[i] = (SDL_Vertex){p[i], c, {0, 0}};
        SDL_RenderGeometry(d->r, NULL, v, 3, NULL, 0);
        return;
    }
    SDL_SetRenderDrawColor(d->r, c.r, c.g, c.b, 255);
    float cx = (p[0].x + p[1].x + p[2].x) / 3.0f, cy = (p[0].y + p[1].y + p[2].y) / 3.0f;
    for (int k = 0; k < draw_px(d, 2); k++) { /* 2 px: the outline and one inside it */
        float f = (float)k * 2.5f / (float)s;
        SDL_FPoint q[4];
        for (int i = 0; i < 3; i++)
            q[i] = (SDL_FPoint){p[i].x + (cx - p[i].x) * f, p[i].y + (cy - p[i].y) * f};
        q[3] = q[0];
        SDL_RenderDrawLinesF(d->r, q, 4);
    }
}

int app_change_marks(App *a, int x, int y, int h, int change, bool good, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int n = app_change_arrows(change);
    int s = h * (n == 1 ? 50 : n == 2 ? 64 : 78) / 100, gap = draw_px(d, 3);
    int w = n * s + (n > 0 ? (n - 1) * gap : 0);
    if (render)
        for (int i = 0; i < n; i++)
            triangle(d, x + i * (s + gap), y + (h - s) / 2, s, change > 0, good,
                     good ? t->good : t->bad);
    return w;
}

int app_stat_panel(App *a, int x, int y, int w, size_t first, size_t count, bool render)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *scr = a->screen;
    int sh = draw_line_height(d, ROLE_SMALL), bar = draw_px(d, 12), gap = draw_px(d, 14);
    int y0 = y;
    for (size_t i = first; i < scr->n_stats && i < first + count; i++) {
        const ScreenStat *sd = &scr->stats[i];
        if (sd->hidden) /* a hidden stat, while the game goes on */
            continue;
        int v = sd->value, dlt = sd->change;
        ScreenSign sign = sd->sign;
        SDL_Color cc = sign > 0 ? t->good : sign < 0 ? t->bad : t->neutral;
        /* the numbers (or arrows) on the right; the label wraps in what is left */
        char num[48] = "", ch[24] = "";
        if (a->set.show_numbers)
            snprintf(num, sizeof num, "%d", v);
        if (dlt && a->set.show_numbers)
            snprintf(ch, sizeof ch, "%+d", dlt);
        int nw = draw_label(d, ROLE_SMALL, STYLE_REGULAR, num, 0, 0, t->text, false, NULL);
        int cw = draw_label(d, ROLE_SMALL, STYLE_BOLD, ch, 0, 0, cc, false, NULL);
        int aw = !a->set.show_numbers ? app_change_marks(a, 0, 0, sh, dlt, sign > 0, false) : 0;
        int right = nw + (cw ? cw + draw_px(d, 8) : 0) + aw;
        char *label = sd->good == GOOD_LOW
                          ? xasprintf("**%s** *(lower is better)*", sd->label)
                          : xasprintf("**%s**", sd->label);
        /* a word too long to sit beside the numbers ("Relationships" in large type): the label
         * takes the whole width, wrapped at spaces, and the numbers go on a line under it */
        int lw = w - right - draw_px(d, 8);
        bool below = right > 0 && draw_text_splits(d, ROLE_SMALL, label, lw);
        int lh = draw_text(d, ROLE_SMALL, label, x, y, below ? w : lw, t->text, render);
        free(label);
        int ny = below ? y + lh : y; /* the numbers' line */
        if (below)
            lh += sh;
        if (render) {
            draw_label(d, ROLE_SMALL, STYLE_REGULAR, num, x + w - nw, ny, t->text, true, NULL);
            if (cw)
                draw_label(d, ROLE_SMALL, STYLE_BOLD, ch, x + w - nw - cw - draw_px(d, 8), ny, cc,
                           true, NULL);
            else if (aw)
                app_change_marks(a, x + w - aw, ny, sh, dlt, sign > 0, true);
            SDL_Rect track = {x, y + lh + draw_px(d, 3), w, bar};
            draw_fill(d, track, t->bar_bg);
            int fill = (int)((long long)(v - sd->min) * w / (sd->max - sd->min));
            /* the bar in a quiet colour, so that a good (blue) or bad (vermilion) change
             * stands out on it in every theme */
            draw_fill(d, (SDL_Rect){x, track.y, fill, bar}, t->neutral);
            if (dlt) { /* the part that moved: the change's colour, outlined in the text's */
                int before = v - dlt;
                int a0 = (int)((long long)(before - sd->min) * w / (sd->max - sd->min));
                int lo = a0 < fill ? a0 : fill, hi = a0 < fill ? fill : a0;
                if (lo < 0)
                    lo = 0;
                if (hi > w)
                    hi = w;
                if (hi - lo < draw_px(d, 4)) /* a small change still shows */
                    hi = lo + draw_px(d, 4) <= w ? lo + draw_px(d, 4) : w, lo = hi - draw_px(d, 4);
                SDL_Rect moved = {x + lo, track.y, hi - lo, bar};
                draw_fill(d, moved, cc);
                draw_frame(d, moved, t->text, draw_px(d, 2));
            }
        }
        y += lh + draw_px(d, 3) + bar + gap;
    }
    return y - y0;
}

void app_stats_scrolling(App *a, SDL_Rect view, int pad)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    int w = view.w - 2 * pad;
    int h = app_stat_panel(a, 0, 0, w, 0, SIZE_MAX, false);
    int max = h - view.h;
    a->panel_view = (SDL_Rect){0, 0, 0, 0};
    if (max <= 0) {
        a->panel_scroll = 0;
        app_stat_panel(a, view.x + pad, view.y, w, 0, SIZE_MAX, true);
        return;
    }
    if (a->panel_scroll > max)
        a->panel_scroll = max;
    if (a->panel_scroll < 0)
        a->panel_scroll = 0;
    a->panel_view = view;
    SDL_RenderSetClipRect(d->r, &view);
    app_stat_panel(a, view.x + pad, view.y - a->panel_scroll, w, 0, SIZE_MAX, true);
    SDL_RenderSetClipRect(d->r, NULL);
    int bar = draw_px(d, 6), th = view.h * view.h / h;
    int ty = view.y + (view.h - th) * a->panel_scroll / max;
    draw_fill(d, (SDL_Rect){view.x + view.w - bar - draw_px(d, 4), view.y, bar, view.h}, t->bar_bg);
    draw_fill(d, (SDL_Rect){view.x + view.w - bar - draw_px(d, 4), ty, bar, th}, t->neutral);
}

/* The stats' grid under the top bar of a narrow window: stat k (the shown ones, in order) in
 * row k / cols, column k % cols. Fills rows[] with each row's height (the tallest cell, its
 * gap under the bar included) and returns their number; cw is a column's width. */
static size_t strip_rows(App *a, const size_t *shown, size_t n, size_t cols, int cw, int *rows)
{
    size_t n_rows = (n + cols - 1) / cols;
    for (size_t r = 0; r < n_rows; r++) {
        rows[r] = 0;
        for (size_t c = 0; c < cols && r * cols + c < n; c++) {
            int h = app_stat_panel(a, 0, 0, cw, shown[r * cols + c], 1, false);
            rows[r] = h > rows[r] ? h : rows[r];
        }
    }
    return n_rows;
}

int app_stats_strip(App *a, int top)
{
    Draw *d = &a->d;
    const Theme *t = d->theme;
    const Screen *sc = a->screen;
    int gap = draw_px(d, 16), pad = draw_px(d, 10);
    size_t n = 0, *shown = xmalloc((sc->n_stats ? sc->n_stats : 1) * sizeof *shown);
    for (size_t i = 0; i < sc->n_stats; i++)
        if (!sc->stats[i].hidden)
            shown[n++] = i;
    a->panel_view = (SDL_Rect){0, 0, 0, 0};
    if (!n) {
        free(shown);
        return 0;
    }
    int *rows = xmalloc(n * sizeof *rows), *best = xmalloc(n * sizeof *best);
    /* as many columns as leave each about 6 em (at most 4): the count that makes the grid the
     * least tall, the fewer columns when two tie (wider labels wrap less) */
    int min_w = draw_px(d, a->set.text_size * 6);
    size_t cols = 0, n_rows = 0;
    int full = 0;
    for (size_t k = 1; k <= 4 && k <= n; k++) {
        int cw = (a->w - (int)(k + 1) * gap) / (int)k;
        if (k > 1 && cw < min_w)
            break;
        size_t nr = strip_rows(a, shown, n, k, cw, rows);
        int h = 0;
        for (size_t r = 0; r < nr; r++)
            h += rows[r];
        if (!cols || h < full) {
            cols = k, n_rows = nr, full = h;
            memcpy(best, rows, nr * sizeof *rows);
        }
    }
    int cw = (a->w - (int)(cols + 1) * gap) / (int)cols;
    /* the story keeps most of a small window: at most 35% of its height for the stats, ended
     * at a row's boundary (no bar cut in half), the rest scrolled to by the wheel a row at a
     * time */
    int cap = a->h * 35 / 100 - pad, strip = 0;
    for (size_t r = 0; r < n_rows && strip + best[r] <= cap; r++)
        strip += best[r];
    if (!strip) /* one row taller than the cap: cut, but scrollable */
        strip = cap;
    int max = 0; /* the top of the last row a scroll may start at */
    for (size_t r = 0, y = 0; r < n_rows; y += (size_t)best[r], r++)
        if (full - (int)y <= strip || r == n_rows - 1) {
            max = (int)y;
            break;
        }
    if (a->panel_scroll > max)
        a->panel_scroll = max;
    if (a->panel_scroll < 0)
        a->panel_scroll = 0;
    int off = 0; /* the top of the row the scroll is in */
    for (size_t r = 0, y = 0; r < n_rows && (int)y <= a->panel_scroll; y += (size_t)best[r], r++)
        off = (int)y;
    SDL_Rect view = {0, top, a->w, strip + pad};
    draw_fill(d, view, t->panel);
    SDL_RenderSetClipRect(d->r, &view);
    for (size_t r = 0, y = (size_t)(top + pad - off); r < n_rows; y += (size_t)best[r], r++)
        for (size_t c = 0; c < cols && r * cols + c < n; c++)
            app_stat_panel(a, gap + (int)c * (cw + gap), (int)y, cw, shown[r * cols + c], 1,
                           true);
    SDL_RenderSetClipRect(d->r, NULL);
    if (max > 0) {
        a->panel_view = view;
        int bar = draw_px(d, 6), th = view.h * strip / full;
        int ty = top + (view.h - th) * off / max;
        draw_fill(d, (SDL_Rect){a->w - bar - draw_px(d, 2), top, bar, view.h}, t->bar_bg);
        draw_fill(d, (SDL_Rect){a->w - bar - draw_px(d, 2), ty, bar, th}, t->neutral);
    }
    free(rows);
    free(best);
    free(shown);
    return view.h;
}
