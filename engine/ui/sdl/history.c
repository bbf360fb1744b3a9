/* history.c: the readable history of the chapter: the scene before each decision (the game
 * keeps its text, Decision.scene_text), shown above the current scene with the choice taken and
 * what it changed (from the Screen).
 *
 * A frame's cost does not grow with the history (issue 16, item 14): nothing is replayed, and
 * only the earlier scenes in view and a page around it are laid out. The others count with an
 * estimated height (from their length) until they come near the view; their heights live in a
 * Fenwick tree, so finding the scene at a scroll offset and the offset of a scene take
 * O(log n). The view is kept on the paragraph at its top while heights change from estimates
 * to measures: the scroll is carried as (scene, offset into it) across the measuring. */
#include <stdlib.h>
#include <string.h>

#include "ui/sdl/app.h"

void app_history_free(App *a)
{
    free(a->hist);
    free(a->hist_tree);
    a->hist = NULL;
    a->hist_tree = NULL;
    a->n_hist = a->cap_hist = 0;
    a->hist_key = (HistoryKey){0};
}

/* ---- the Fenwick tree of heights (hist_tree[1..n]) ---- */

static void tree_add(App *a, size_t i, int delta)
{
    for (size_t k = i + 1; k <= a->n_hist; k += k & (~k + 1))
        a->hist_tree[k] += delta;
}

/* The total height of items 0..i-1: item i's offset from the column's top. */
static int tree_prefix(const App *a, size_t i)
{
    int sum = 0;
    for (size_t k = i; k > 0; k -= k & (~k + 1))
        sum += a->hist_tree[k];
    return sum;
}

/* The tree anew from hist[].h, in O(n) (every parent takes its children's sums). */
static void tree_build(App *a)
{
    a->hist_tree[0] = 0;
    for (size_t k = 1; k <= a->n_hist; k++)
        a->hist_tree[k] = a->hist[k - 1].h;
    for (size_t k = 1; k <= a->n_hist; k++) {
        size_t parent = k + (k & (~k + 1));
        if (parent <= a->n_hist)
            a->hist_tree[parent] += a->hist_tree[k];
    }
}

int app_history_top(const App *a, size_t i)
{
    return tree_prefix(a, i < a->n_hist ? i : a->n_hist);
}

int app_history_height(const App *a)
{
    return tree_prefix(a, a->n_hist);
}

size_t app_history_at(const App *a, int y)
{
    if (y < 0)
        return 0;
    size_t pos = 0, step = 1;
    while (step * 2 <= a->n_hist)
        step *= 2;
    for (; step > 0; step /= 2) /* the largest pos whose prefix is <= y */
        if (pos + step <= a->n_hist && a->hist_tree[pos + step] <= y) {
            pos += step;
            y -= a->hist_tree[pos];
        }
    return pos; /* n_hist when y is past the history */
}

/* ---- items ---- */

/* A height for item i before it is laid out: its text's lines at about half an em a
 * character, the choice taken, the reply and the changes, and the gaps around them. */
static int estimate(App *a, size_t i)
{
    Draw *d = &a->d;
    const Game *g = session_game(a->s);
    const Decision *dc = game_decision(g, i);
    int line = draw_line_height(d, ROLE_BODY);
    int w = a->hist_key.w > 0 ? a->hist_key.w : 1;
    int per = w * 2 / (d->body_px > 0 ? d->body_px : 1);
    per = per < 20 ? 20 : per;
    int lines = 1; /* the choice taken */
    const char *texts[2] = {dc ? dc->scene_text : NULL, dc ? dc->reply : NULL};
    for (int k = 0; k < 2; k++) {
        const char *t = texts[k];
        while (t && *t) {
            const char *nl = strchr(t, '\n');
            size_t len = nl ? (size_t)(nl - t) : strlen(t);
            lines += len ? (int)((len + (size_t)per - 1) / (size_t)per) : 1;
            t = nl ? nl + 1 : NULL;
        }
    }
    int gap = draw_px(d, 18);
    return lines * line + draw_line_height(d, ROLE_SMALL) + gap / 2 + 2 * gap;
}

/* The layout the column has now. */
static HistoryKey key_now(const App *a, int w)
{
    return (HistoryKey){w, a->d.body_px, a->d.scale, a->set.show_numbers};
}

static bool same_key(HistoryKey x, HistoryKey y)
{
    return x.w == y.w && x.px == y.px && x.scale == y.scale && x.numbers == y.numbers;
}

void app_history_sync(App *a, int w)
{
    size_t n = a->s ? game_decision_count(session_game(a->s)) : 0;
    if (a->screen && n > a->screen->n_decisions)
        n = a->screen->n_decisions;
    HistoryKey k = key_now(a, w);
    bool fresh = !same_key(k, a->hist_key);
    if (n > a->cap_hist) {
        size_t cap = a->cap_hist ? a->cap_hist : 16;
        while (cap < n)
            cap *= 2;
        a->hist = xrealloc(a->hist, cap * sizeof *a->hist);
        a->hist_tree = xrealloc(a->hist_tree, (cap + 1) * sizeof *a->hist_tree);
        a->cap_hist = cap;
    }
    a->hist_key = k;
    if (fresh || n < a->n_hist) { /* a new layout (or fewer decisions): estimate them all */
        a->n_hist = n;
        for (size_t i = 0; i < n; i++)
            a->hist[i] = (HistoryItem){estimate(a, i), false};
        if (a->hist_tree)
            tree_build(a);
        return;
    }
    while (a->n_hist < n) { /* decisions taken since: each in O(log n) */
        size_t i = a->n_hist++;
        a->hist[i] = (HistoryItem){estimate(a, i), false};
        a->hist_tree[a->n_hist] = 0;
        /* the new node covers the items below it that are already in the tree */
        size_t low = a->n_hist & (~a->n_hist + 1);
        for (size_t j = a->n_hist - 1; j > a->n_hist - low; j -= j & (~j + 1))
            a->hist_tree[a->n_hist] += a->hist_tree[j];
        a->hist_tree[a->n_hist] += a->hist[i].h;
    }
}

void app_history_measured(App *a, size_t i, int h)
{
    if (i >= a->n_hist)
        return;
    HistoryItem *hi = &a->hist[i];
    if (hi->h != h)
        tree_add(a, i, h - hi->h);
    hi->h = h;
    hi->measured = true;
}

const char *app_history_text(const App *a, size_t i)
{
    const Decision *dc = a->s && i < a->n_hist ? game_decision(session_game(a->s), i) : NULL;
    return dc && dc->scene_text ? dc->scene_text : "";
}

void app_history_build(App *a)
{
    app_history_free(a);
}

void app_history_add(App *a, char *text)
{
    free(text); /* the game keeps it (Decision.scene_text); app_history_sync adds the item */
    (void)a;
}
